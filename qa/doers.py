"""Who does what a question asks about: the agent of its verb in the text ("由谁印发" → 中共中央、国务院),
and the body an action plan puts in charge of an item ("（责任单位：市水务局）")."""
from __future__ import annotations

import re

from .passage import Passage, char_pairs
from .question import pos_tags

# "哪个部门负责…", "什么单位": an organisation is asked for, named or not.
ORG_KIND = re.compile(r"(?:哪(?:个|家|一个|些)?|什么)(?:省级|市级|县级|区级)?(?:部门|单位|机关|机构|部委)")


# "由哪个部门负责", "哪些单位牵头", "谁来落实": the bodies an action plan names for an item.
_AGENT = re.compile(r"由([\u4e00-\u9fff（）()]{2,20}?)(?=会同|负责|组织|统一|牵头|审批|批准|确定|认定|制定|发布|实施|办理|"
                    r"承担|(?:全额|全部|按月)?(?:负担|缴纳|支付))")  # "由用人单位全额负担", "由所在单位支付费用": who pays
_BODY_BEFORE = re.compile(r"(?:各|[省市区县])[\u4e00-\u9fff]{1,12}?(?:管理委|委员会|管委会|办公厅|政府|领导小组|指挥部|局|委|办|厅)$")
# ("各项目牵头单位应在什么时间前…" names the lead body; it asks when)
_DUTY_ASKED = re.compile(r"(?:谁|哪[个些家一]*[\u4e00-\u9fff]{0,4}?(?:部门|单位|机构|机关))[^？?]*?(?:负责|牵头|领头|承担|落实|主抓)|"
                         r"(?:负责|牵头|责任)(?:部门|单位)(?:是|有|为|都是|都有)?(?:谁|哪|什么)")
# "（责任单位：市水务局、…）" and "［市民政局、市财政局按职责分工负责，各区（市）县政府负责］"
_DUTY_NOTE = re.compile(r"[（(](?:责任|牵头|主责|负责)(?:单位|部门)[:：]([^）)]+)[）)]|"
                        r"［([^］，,]+?)(?:按职责分工)?负责[，,］]")
_LEAD_NOTE = re.compile(r"[（(]([^（）()：:，,。；;]{2,30}?)牵头(?:[，,][^（）()]*)?[）)]")
_BODY_KIND = re.compile(r"哪[个些家一]*([\u4e00-\u9fff]{2,4}?)(?:部门|单位|机构|机关)")


def duty_asked(question: str) -> bool:
    """Who is in charge is asked (in the last clause: a merged follow-up asks there)."""
    return bool(_DUTY_ASKED.search(re.split(r"[，,；;]", question)[-1]))


def responsible(question: str, p: Passage) -> str | None:
    """Action plans close each item with "（责任单位：市水务局、市绿化市容局）": for who is in charge of
    an item, those are the answer, whatever the item's sentences say."""
    if not duty_asked(question):
        return None
    match = _DUTY_NOTE.search(p.paragraph, p.offset)
    # "（住房城乡建设部牵头，国家卫生计生委等部门参与）" closes an item of a State Council plan: the body
    # leading it is in charge, whatever names its sentences hold
    lead = _LEAD_NOTE.search(p.paragraph, p.offset)
    if lead and not (match and match.start() < lead.start()):
        return lead.group(1)
    # The sentence itself may name who does it ("市住建委牵头负责统筹…"): that comes first.
    found = who(question, p.text, anchored=True)
    if found or not match:
        return found
    bodies = (match.group(1) or match.group(2)).strip()
    # "哪个税务部门负责": the listed body of that kind
    kind = _BODY_KIND.search(question)
    named = [b for b in bodies.split("、") if kind and kind.group(1) in b]
    return named[0] if len(named) == 1 else bodies


def _verb_at(question: str, text: str, verb: str) -> int:
    """Where the verb stands in the clause closest to the question ("处方格式由…统一制定" for "处方的格式由谁来
    统一制定", not "处方标准…由卫生部统一规定" before it); -1 when nowhere."""
    asked = char_pairs(question)

    def shared(at: int) -> int:
        start = max(text.rfind(c, 0, at) for c in "，,。；;") + 1
        end = min((e for e in (text.find(c, at) for c in "，,。；;") if e >= 0), default=len(text))
        return len(char_pairs(text[start:end]) & asked)
    return max((m.start() for m in re.finditer(re.escape(verb), text)), key=shared, default=-1)


def who(question: str, text: str, anchored: bool = False) -> str | None:
    """The person or organisation doing what the question asks about: the name nearest before the
    question's verb in the text ("中共中央、国务院印发的…" for "由谁印发"), people before organisations
    when the verb is not there (unless `anchored`). An organisation keeps the nouns after it
    ("北京市人民政府" + "办公厅")."""
    tags = list(pos_tags(text))
    merged = []
    for word, flag in tags:
        if merged and merged[-1][1].startswith("nt") and flag == "n" and word not in question and len(word) <= 3:
            merged[-1] = (merged[-1][0] + word, merged[-1][1])
        elif merged and merged[-1][0] in ("省", "市", "区", "县", "州", "镇", "乡") and flag.startswith("nt"):
            # jieba splits "市财政局" into 市 + 财政局, "镇人民政府" into 镇 + 人民政府
            merged[-1] = (merged[-1][0] + word, flag)
        elif merged and len(merged[-1][0]) > 1 and merged[-1][0][-1] in "省市区县州" and flag.startswith("nt"):
            # and "报市人民政府" into 报市 + 人民政府: the 市 belongs to the name
            head, admin = merged[-1][0][:-1], merged[-1][0][-1]
            merged[-1] = (head, merged[-1][1])
            merged.append((admin + word, flag))
        else:
            merged.append((word, flag))
    wanted = ("nr",) if "哪位" in question else ("nr", "nt")
    names, pos, last = [], 0, -2  # (name, end position in text)
    for i, (word, flag) in enumerate(merged):
        # ("依照国家有关…规定查处": what a rule is followed by is no doer)
        if flag.startswith(wanted) and word not in question and len(word) > 1 and \
                not (i and merged[i - 1][0] in ("依照", "根据", "依据", "参照")):
            if names and i == last + 2 and merged[i - 1][0] in "、和与及":
                names[-1] = (names[-1][0] + merged[i - 1][0] + word, pos + len(word), names[-1][2])
            else:
                names.append((word, pos + len(word), flag))
            last = i
        pos += len(word)
    verb = _verb_afterwho(question)
    at = _verb_at(question, text, verb) if verb else _predicate_at(question, text)
    if at < 0 and verb in ("管", "管理", "主管"):  # "消防检查归哪个部门管" against "省应急厅负责…消防监督检查工作"
        # (of several, the 负责 whose duty the question names: "…，县工信局负责技改重点产业项目相关工作" for 技改)
        asked = char_pairs(question)

        def shared(a: int) -> int:  # pairs of the question in the clause after this 负责
            duty = re.match(r"[^，,。；;]*", text[a + 2:]).group(0)
            return sum(duty[i:i + 2] in asked for i in range(len(duty) - 1))
        at = max((m.start() for m in re.finditer("负责", text)), default=-1, key=shared)
    # "文化行政部门负责设立审批": the name ends where 负责 starts
    named_at = at - next((len(h) for h in _HELPING if text[:at].endswith(h)), 0) if at > 0 else at
    # "由“广州市…定点康复机构”（下称“定点康复机构”）开展": the name as quoted, whatever jieba cut of it
    quoted = re.search(rf"由“([^“”，。]{{2,30}})”(?:[（(](?:以下|下)?简?称[^）)]*[）)])?{re.escape(verb)}",
                       text) if verb else None
    if quoted:
        return quoted.group(1)
    before = [n for n in names if 0 <= named_at - n[1] <= 15]
    if before:
        # "国务院" + "建设行政主管部门" 负责…: a body's name runs on to the verb when what follows is a body.
        tail = text[before[-1][1]:named_at]
        found = before[-1][0] + (tail if _BODY_TAIL.fullmatch(tail) else "")
        # "由国务院财政部门商国务院建设行政主管部门制定", "A会同B制定": the body that leads comes first, both answer.
        start = before[-1][1] - len(before[-1][0])
        lead = next((n for n in names if n[1] < start and
                     re.fullmatch(rf"(?:{_BODY_TAIL.pattern})?(?:会同|商)", text[n[1]:start])), None)
        if lead:
            return text[lead[1] - len(lead[0]):start] + found
        # "由网约车平台公司注册地省级交通运输主管部门商同级通信、公安、…、人民银行等部门审核认定": a lead body
        # jieba does not know, the bodies it consults in a list
        led = re.search(rf"由([^，。；：由]{{2,30}}?{_BODY_TAIL.pattern})(?:会同|商)(?:同级|有关)?[^，。；：由]*$", text[:start])
        if led:
            return text[led.start(1):start] + found
        # "医疗机构所在地县级" + 人民政府卫生主管部门: which body of its kind is part of the answer
        where = _WHICH_BODY.search(text[:start])
        return text[where.start():start] + found if where and where.group(0) else found
    # "由谁分摊" against "由全省工商业用户分摊或分享": 由 + the doer + the question's own verb, whatever
    # the doer is (users, a role, a body jieba does not know).
    # (the one at the verb of the clause the question is about first: "处方格式由省、自治区、直辖市卫生行政部门…统一制定";
    # not the 由 of 理由, 自由). "由公安机关依法予以处罚", "由城市管理综合执法部门按照…法规予以处罚": how the doer
    # acts is not who it is.
    doers = [(m, re.split(r"按照|依照|根据|依据", m.group(1))[0]) for m in
             re.finditer(rf"(?<![理自经缘])由([^，。；：由]{{2,40}}?){re.escape(verb)}", text)] if verb else []
    doer = next((d for d in doers if d[0].end() - len(verb) == at and (len(d[1]) <= 30 or "、" in d[1])), None) or \
        next((d for d in doers if "、" not in d[0].group(1) and len(d[0].group(1)) <= 20), None)
    if doer and doer[0].group(1) not in question:
        return re.sub(r"(?:依法|予以|给予|负责|统一)+$", "", doer[1]) or doer[1]
    # "由地方各级宣传部门会同…确定": 由 names the doer.
    for agent in _AGENT.finditer(text):
        if agent.group(1) not in question:
            return agent.group(1)
    # jieba knows few abbreviated bodies ("市住房城乡建设管理委牵头…"): one right before the verb.
    window = max(0, at - 16)
    body = _BODY_BEFORE.search(text[window:at]) if at > 0 else None
    if body:
        place = pos_tags(text[:window + body.start()])[-1:]  # "深圳" + "市工业和信息化局"
        return "".join(w for w, f in place if f == "ns") + body.group(0)
    # "征信中心根据查询人的申请，提供查询证明": an article opens with who acts, the verb further on
    # ("国家医保局负责监督…" asked "负责监督…的是哪个部门": the doer right before the words the question opens with)
    subject = _ACTOR_FIRST.match(text)
    if subject and at >= subject.end() + bool(verb) and subject.group(1) not in question:
        tail = text[subject.end():named_at]  # "公安机关" + "交通管理部门" 负责…: the name runs on to the verb
        return subject.group(1) + (tail if _BODY_TAIL.fullmatch(tail) else "")
    # "新安装的电梯，电梯制造单位应当配备…" (由哪个单位负责配备): the body the verb's clause opens with
    # (only when the question asks who does it: "应当到哪个部门进行…" asks where one turns)
    actor = _CLAUSE_ACTOR.search(text, 0, at) if verb and at > 0 and _DOER_ASKED.search(question) else None
    if actor and actor.group(1) not in question:
        return actor.group(1)
    if anchored:
        return None
    for kind in wanted:
        for name, _, flag in names:
            if flag.startswith(kind):
                return name
    return None


# "…所在地的", "发生地的地方", "县级以上地方各级", "同级": the words before a body's name that say which one acts
_WHICH_BODY = re.compile(r"(?:[^，,。；;：:、由向在经对和或及与的]{2,10}?(?:所在地|发生地|居住地|户籍地|登记地|住所地)的?)?"
                         r"(?:县级以上|设区的市级以上)?(?:地方)?(?:各级)?(?:省级|市级|县级|乡级|本级|同级|上一级)?$")
_BODY_TAIL = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:主管部门|部门|机关|机构|委员会|管理局|局|厅|办公室|中心|办|单位)")  # 管委办, 积分办
# "省、自治区、直辖市人民政府卫生行政主管部门应当…": the bodies an article opens with may be listed
# (not "未经劳动保障行政部门许可，…": a permission not had names no actor)
_ACTOR_FIRST = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+条\s*)?(?!未经|经)([\u4e00-\u9fff、]{1,24}?"
                          r"(?:主管部门|部门|机关|机构|委员会|管理局|局|厅|办公室|中心)|"
                          # "人民法院应当…": a court or a government opening the line (not "费用由镇人民政府…")
                          r"(?:(?![由对向在从经给])[\u4e00-\u9fff、]){0,16}?(?:法院|检察院|"
                          r"人民政府(?![\u4e00-\u9fff]{0,10}?(?:部门|机关|局|厅))))")


# "第六条 公安机关履行下列职责：" over "（一）查处犬只伤人事件；"
_DUTIES_LEAD = re.compile(r"[^。：:]{0,24}?(?:履行|承担|负责)(?:下列|以下|如下)")


def lead_doer(question: str, lead: str) -> str | None:
    """"犬只伤人事件归哪个部门查处" answered by an item of a body's list of duties: the body the lead names."""
    actor = _ACTOR_FIRST.match(lead) if ORG_KIND.search(question) or "谁" in question else None
    return actor.group(1) if actor and _DUTIES_LEAD.match(lead, actor.end()) else None


_CLAUSE_ACTOR = re.compile(r"(?:^|[，,。；;：:]|\s)([\u4e00-\u9fff（）]{2,16}?(?:单位|部门|机关|机构|委员会|中心|组织))"
                           r"(?:(?:应当|应|可以|须|必须|负责)[^，,。；;]{0,10})?$")
_DOER_ASKED = re.compile(r"由(?:谁|哪)|(?:谁|哪)[^，,？?]{0,6}?负责")
# "由哪个单位负责配备": 负责 says who answers for it; the act is the verb after it
_HELPING = ("负责", "出面", "进行")


def _verb_afterwho(question: str) -> str | None:
    match = re.search(r"(?:谁|哪位)(.*)$", question) or re.search(ORG_KIND.pattern + r"(.*)$", question)
    tags = pos_tags(match.group(1)) if match else ()
    words = [w for w, f in tags if len(w) > 1]
    if not words:  # "谁来交": the one character after 来/去 is the verb ("由建设单位交纳")
        words = [w for w, f in tags if f != "x" and w not in "来去要会能得的呢吗"]
    verbs = [w for w, f in tags if len(w) > 1 and f.startswith("v")]
    if len(verbs) > 1 and words and words[0] in _HELPING and words[1] == verbs[1]:
        return verbs[1]
    return words[0] if words else None


# "负责监督指导全国…工作的是哪个部门": the question says what is done before it asks who
_DONE_FIRST = re.compile(r"([^，,。；;？?]{4,})的(?:是|为)?(?:谁|哪)")


def _predicate_at(question: str, text: str) -> int:
    """Where the text says what the question's "…的是谁" says is done: its longest opening the text holds."""
    done = _DONE_FIRST.search(question)
    phrase = done.group(1) if done else ""
    for n in range(len(phrase), 3, -1):
        at = text.find(phrase[:n])
        if at > 0:
            return at
    return -1


_BY_WHICH = re.compile(r"由(?:哪个|哪一个|哪家|哪一家)")


def by_which(question: str, text: str) -> str | None:
    """"由哪个基金全额资助缴纳" against "…由职工重大疾病医疗补助基金全额资助缴纳": the 由 phrase whose head is
    the noun asked and that goes on, within a few words, with the question's verb."""
    asked = _BY_WHICH.search(question)
    words = pos_tags(question[asked.end():]) if asked else ()
    if len(words) < 2 or not words[0][1].startswith("n") or len(words[0][0]) < 2:
        return None
    noun, verb = words[0][0], next((w for w, f in words[1:] if f.startswith("v") and len(w) >= 2), None)
    if not verb:
        return None
    # "处方标准由哪个部门统一规定" against "…由卫生部统一规定，处方格式由…卫生行政部门…统一制定": the 由 phrase
    # goes on with the question's last word too
    last = next((w for w, _ in reversed(words) if len(w) >= 2), verb)
    for found in re.finditer(rf"由([^，,。；;由]{{0,30}}?{re.escape(noun)})[^，,。；;]{{0,8}}?{re.escape(verb)}", text):
        if last in text[found.start():found.end() + len(last) + 2] and found.group(1) not in question:
            return found.group(1)
    return None


# "计划生育证明由哪个机构出具" against "…户籍所在地街道计生工作机构出具的计划生育证明": the body a 的-phrase
# says made the paper
_MADE_BY_ASKED = re.compile(r"([\u4e00-\u9fff]{2})由(?:哪个|哪一个|哪家|哪些|哪级|什么|谁)[\u4e00-\u9fff]{0,3}?"
                            r"(出具|颁发|核发|签发|开具|制发|发放|认定)")
_MAKER = (r"([\u4e00-\u9fff]{{2,24}}?(?:机构|部门|机关|委员会|联合会|中心|办公室|医院|局|厅|所|站|单位|组织))"
          r"(?:依法)?{verb}的[^，,。；;]{{0,10}}?{thing}")


def made_by(question: str, text: str) -> str | None:
    asked = _MADE_BY_ASKED.search(question)
    found = re.search(_MAKER.format(verb=asked.group(2), thing=asked.group(1)), text) if asked else None
    # (not a verb the 的-phrase opens with: "提供申请人…机构出具的")
    return re.sub(r"^(?:提供|提交|持有|凭|由|经|向)", "", found.group(1)) if found else None
