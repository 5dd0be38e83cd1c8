"""What an answer must look like for some questions, whatever sentence it came from: a month asked for
names a month, a year a year, a sum of money a sum, a lower bound no upper one, a telephone number is
digits, a web address has a domain, an hour is on the clock, a bank, a hospital or a city asked for is one; the
papers to hand in, the schooling, the colour or the rate asked for are named as such; and the things a
list asks for are not the catalogue another body is to publish. An answer of another shape is no answer."""
from __future__ import annotations

import re

from .question import pos_tags

# "养犬登记证每年几月份进行年检" is not answered by "收到养犬登记申办材料后", "收容留检场所的联系电话是
# 多少" or "应该拨打哪个投诉电话" by "十五日内", "每天几点到几点有人接听" by "第三十六条"
_IN_ANSWER = (
    (re.compile(r"几月份?(?!几)|哪个月|哪一个月|什么月份"), re.compile(r"月|\d")),
    (re.compile(r"电话(?:号码)?(?:是|为)?(?:多少|几号|什么)|(?:哪个|什么)[\u4e00-\u9fff]{0,4}电话"),
     re.compile(r"\d[\d\-－ ]{4,}")),
    (re.compile(r"网址|网站地址|链接"), re.compile(r"[a-zA-Z0-9]\.[a-zA-Z]{2,}")),
    (re.compile(r"几点"), re.compile(r"[点时:：]")),
    (re.compile(r"哪(?:一)?年(?!龄|级)|哪个年份|什么年份"), re.compile(r"\d{4}|年")),
    # "公积金贷款最高能贷多少" is not answered by "1个月内": a sum of money asked is one
    (re.compile(r"多少钱|[罚贷补赔交缴]多少|能贷|(?:罚款|费用|收费)(?:是|为)?多少"),
     re.compile(r"元|[％%倍万亿千百]|免费|不收|工资|基数|比例|标准|额")),
    # "超大城市是指城区常住人口多少万以上的城市" is not answered by "300万以下"
    (re.compile(r"多少[^，,。？?]{0,3}以上"), re.compile(r"以上|不少于|不低于|至少|超过|满|^(?!.*以下)")),
)
# "布洛芬一天最多能吃几片" is not answered by "…不得超过7日常用量": a thing counted by its own measure word
_MEASURE_ASKED = re.compile(r"(?:几|多少)(片|粒|颗|支|瓶|盒|袋|杯|斤|公斤|千克|克|毫升|升|吨|亩|公里|层|辆|台|页)")
_MEASURES = {"斤": "斤|公斤|千克", "公斤": "公斤|千克|kg", "千克": "公斤|千克|kg", "公里": "公里|千米|km", "升": "升|L"}
# "临时救助金通过哪家银行打到账上" is not answered by "申请人": the kind asked names the answer
_CITY_ASKED = re.compile(r"(?:哪个|哪座|哪一个|什么|哪些|哪几个)城市")
_KIND_ASKED = re.compile(r"哪(?:个|家|所|一家|一个)(银行|医院|科室|派出所|学校|法院)")
# "申请长护险失能评估要带哪些材料" is not answered by a sentence that names no paper at all, "护理员需要
# 什么学历" by one that names no schooling, "收集容器分别是什么颜色" by one without a colour
_NAMED_IN_EVIDENCE = (
    (re.compile(r"(?:哪些|什么|啥)(?:申请|证明)?(?:材料|资料|证件)|(?:带|交|提交|准备)什么"),
     re.compile(r"材料|资料|证|表|书|复印件|照片|凭据|票据|清单|文件|协议|合同|报告")),
    (re.compile(r"(?:什么|哪些|哪种)学历|学历要求"), re.compile(r"学历|文化程度|毕业|学位|本科|专科|大专|中专|高中|初中")),
    (re.compile(r"什么颜色|哪种颜色"), re.compile(r"色")),
    (re.compile(r"什么利率|利率是多少"), re.compile(r"利率|利息|%|％")),
    # "伤残津贴每年会上调百分之几" by a change, not by the level "本人工资的70%"
    (re.compile(r"(?:上调|上涨|涨|提高|增长|增加|下调|降低|下降|减少)了?(?:百分之几|多少|几)"),
     re.compile(r"[增减涨降升]|提高|调")),
)
# "烈性犬具体包括哪些犬种" against "烈性犬、大型犬的品种目录和标准，由市综合行政执法部门…确定，并向社会公布"
_CATALOGUE = re.compile(r"(?:目录|标准|名录|清单)$")  # (the answer names one)
_DEFERRED = re.compile(r"由[^。]{2,40}?(?:确定|制定|公布|发布)")


def fits(question: str, answer: str, evidence: str = "") -> bool:
    # (the last clause asks: "网吧每天几点到几点可以营业，超过这个时间还开着，会怎么罚" is a follow-up read whole)
    asking = re.split(r"[，,；;]", question.rstrip("？? "))[-1]
    if any(asked.search(asking) and not said.search(answer) for asked, said in _IN_ANSWER):
        return False
    measure = _MEASURE_ASKED.search(asking)
    if measure and not re.search(_MEASURES.get(measure.group(1), measure.group(1)), answer):
        return False
    kind = _KIND_ASKED.search(asking)
    if kind and kind.group(1)[-1] not in answer:
        return False
    # "基地会建在哪个城市" is answered by a place ("海口", "深圳市"), never by "金融"
    if _CITY_ASKED.search(asking) and "市" not in answer and not any(f.startswith("ns") or f == "s" for _, f in pos_tags(answer)):
        return False
    if any(asked.search(question) and not said.search(evidence) for asked, said in _NAMED_IN_EVIDENCE):
        return False
    # (unless a catalogue is what is asked: "要符合哪些标准")
    return not (re.search(r"哪些|哪几", question) and not re.search(r"目录|标准|名录|清单", question)
                and _CATALOGUE.search(answer) and _DEFERRED.search(evidence))
