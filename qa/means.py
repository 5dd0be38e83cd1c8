"""By what means a thing is done: "医保部门靠什么发现欺诈骗保的行为规律" against "…，通过大数据分析锁定违法违规
行为，发现欺诈骗保行为规律": the 通过… phrase nearest before the question's verb in the text."""
from __future__ import annotations

import re

from .question import pos_tags

# (not "通过哪些途径解决": a list of ways, which a list announces)
_MEANS_ASKED = re.compile(r"(?:靠|通过|用|凭|依靠|借助|利用)(?:什么|啥)(?:手段|方式|方法|办法|途径)?([\u4e00-\u9fff]{2,})")
_BY = re.compile(r"(?:通过|依靠|依托|利用|运用|借助|凭借)(?!下列|以下|如下)[^，,。；;]{2,30}")


def means(question: str, text: str) -> str | None:
    asked = _MEANS_ASKED.search(question)
    verbs = [w for w, f in pos_tags(asked.group(1)) if f.startswith("v") and len(w) >= 2] if asked else []
    at = text.find(verbs[0]) if verbs else -1
    found = list(_BY.finditer(text, 0, at)) if at > 0 else []
    return found[-1].group(0) if found else None
