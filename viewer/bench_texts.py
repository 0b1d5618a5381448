"""Synthetic reports for the library benchmark: the sample and three other kinds (政府工作报告, 条例, 通知), varied.

    texts = varied_reports(10_000)        # [(file name, UTF-8 bytes)], each a different, parseable report

Each report recombines paragraphs and sentences with other issuers, places, years and numbers, so
that the library's trigram index is not one text repeated.
"""

from __future__ import annotations

import random
import re

from viewer import paths

_DIGITS = re.compile(r"\d+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

PROVINCES = ["重庆", "四川", "湖北", "浙江", "广东", "江苏", "山东", "河南", "陕西", "云南", "贵州", "福建", "安徽",
             "江西", "湖南", "辽宁", "吉林", "山西", "甘肃", "广西"]
PLACES = ["渝中", "江北", "南岸", "沙坪坝", "九龙坡", "武侯", "锦江", "青羊", "江汉", "武昌", "西湖", "拱墅", "天河",
          "越秀", "鼓楼", "玄武", "历下", "金水", "雁塔", "五华", "南明", "思明", "蜀山", "东湖", "岳麓", "和平",
          "朝阳", "小店", "城关", "青秀", "梁平", "万州", "涪陵", "永川", "合川", "綦江", "长寿", "璧山"]
UNITS = ["区", "县", "市"]
OFFICES = ["司法局", "人民政府", "人民政府办公室", "市场监督管理局", "生态环境局", "发展和改革委员会", "教育委员会",
           "卫生健康委员会", "应急管理局", "住房和城乡建设委员会", "交通运输局", "财政局", "统计局"]
TOPICS = ["营商环境", "行政复议", "依法行政", "人民调解", "安全生产", "生态环境保护", "乡村振兴", "城市更新",
          "政务公开", "数字政府", "公共法律服务", "社会信用体系", "食品安全", "基层治理", "民营经济"]
MEASURES = ["完善工作机制", "压实主体责任", "强化督促检查", "健全制度体系", "深化改革创新", "加强队伍建设",
            "优化办事流程", "推进信息共享", "畅通投诉渠道", "落实考核评价"]
VERBS = ["持续推进", "全面落实", "深入开展", "扎实推进", "统筹推进", "大力实施", "着力加强", "稳步推进"]

#: Sentences with {place} {office} {topic} {measure} {verb} {n} {m} {year} slots.
SENTENCES = [
    "{year}年，{place}{verb}{topic}工作，{measure}，各项任务取得明显成效。",
    "全年办理{topic}案件{n}件，同比增长{m}%，办结率达到{m}.{n}%。",
    "围绕{topic}，{office}牵头制定实施方案{n}个，明确重点任务{m}项。",
    "开展{topic}专项行动{n}次，检查单位{m}家，发现并整改问题{n}个。",
    "{verb}“{topic}”示范创建，{place}等{n}个街道（乡镇）被评为先进单位。",
    "组织{topic}培训{n}场次，培训干部职工{m}人次，依法行政能力进一步提升。",
    "严格落实重大行政决策程序，审查规范性文件{n}件，提出修改意见{m}条。",
    "推动行政复议体制改革，受理行政复议申请{n}件，纠错率{m}%。",
    "健全人民调解组织网络，调解各类矛盾纠纷{n}件，调解成功率{m}%以上。",
    "优化营商环境，企业开办时间压缩至{m}个工作日，新增市场主体{n}户。",
    "地区生产总值增长{m}.{n}%，一般公共预算收入{n}亿元，城乡居民人均可支配收入分别增长{m}%和{n}%。",
    "新建改建城市道路{n}公里，改造老旧小区{m}个，惠及居民{n}户。",
    "{measure}，{verb}政务服务“一网通办”，{n}项事项实现“跑一次”办结。",
    "城镇新增就业{n}万人，调查失业率控制在{m}.{n}%以内。",
    "空气质量优良天数达到{n}天，PM2.5平均浓度下降{m}%。",
    "同时也要看到，{topic}仍存在短板弱项，{measure}还需加力。",
    "下一步，{office}将{verb}{topic}，{measure}，为高质量发展提供有力保障。",
    "{place}{unit}{office}坚持问题导向，{measure}，切实解决群众急难愁盼问题。",
    "落实“谁执法谁普法”责任制，开展法治宣传活动{n}场，发放资料{m}万份。",
    "加强行政执法监督，评查执法案卷{n}卷，优秀率{m}%。",
]
#: The regulation's articles, with the same slots.
ARTICLES = [
    "为了{verb}{topic}，保障公民、法人和其他组织的合法权益，根据有关法律、行政法规，结合本{unit}实际，制定本条例。",
    "本条例适用于本{unit}行政区域内的{topic}及其监督管理活动。",
    "{unit}人民政府应当加强对{topic}工作的领导，将其纳入国民经济和社会发展规划，所需经费列入财政预算。",
    "{office}负责本行政区域内{topic}的组织实施和监督管理工作。",
    "任何单位和个人不得妨碍{topic}工作，对违反本条例的行为有权投诉、举报。",
    "行政机关应当{measure}，在{n}个工作日内作出决定，并书面告知申请人。",
    "违反本条例规定，逾期不改正的，处{n}元以上{m}万元以下罚款。",
    "鼓励社会力量参与{topic}，对作出显著成绩的单位和个人，按照国家有关规定给予表彰。",
    "公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。",
    "本条例自{year}年{month}月1日起施行。",
]
_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1..99 in Chinese numerals (一, 十二, 三十五)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _NUMERALS[tens - 1]) + "十" if tens else "") + (_NUMERALS[ones - 1] if ones else "")


class _Filler:
    """Fills a sentence's slots for one report (its place, office and year are fixed, the rest vary)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.province = rng.choice(PROVINCES)
        self.place, self.unit, self.office = rng.choice(PLACES), rng.choice(UNITS), rng.choice(OFFICES)
        self.year = rng.randint(2015, 2025)

    @property
    def issuer(self) -> str:
        return f"{self.place}{self.unit}{self.office}"

    def fill(self, template: str) -> str:
        r = self.rng
        return template.format(place=r.choice(PLACES), unit=self.unit, office=self.office, topic=r.choice(TOPICS),
                               measure=r.choice(MEASURES), verb=r.choice(VERBS), n=r.randint(2, 999),
                               m=r.randint(1, 99), year=self.year, month=r.randint(1, 12))

    def paragraph(self, sentences: int | None = None) -> str:
        return "".join(self.fill(self.rng.choice(SENTENCES)) for _ in range(sentences or self.rng.randint(2, 6)))


def _sample_variant(rng: random.Random, sample: str, number: int) -> str:
    """The sample with another issuer and year, its numbers changed, some paragraphs swapped for new ones."""
    f = _Filler(rng)
    title, body = sample.split("\n", 1)
    title = title.replace("重庆市", f"{f.province}省" if rng.random() < 0.5 else "").replace("渝中区", f"{f.place}区")
    title = title.replace("2020", str(f.year))
    paragraphs = _PARAGRAPH_BREAK.split(body.strip("\n"))
    for i, text in enumerate(paragraphs):
        if len(text) > 80 and rng.random() < 0.3:
            paragraphs[i] = f.paragraph()
    body = "\n\n".join(paragraphs).replace("渝中", f.place).replace("2020", str(f.year))
    body = _DIGITS.sub(lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), body)
    return f"{title}（{number}）\n\n{body}\n"


def _work_report(rng: random.Random, number: int) -> str:
    """A 政府工作报告: a review of the year and this year's tasks, numbered 一、（一）1. as such reports are."""
    f = _Filler(rng)
    lines = [f"{f.year}年{f.place}{f.unit}人民政府工作报告（{number}）", "",
             f"——{f.year}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日在{f.place}{f.unit}第{chinese_number(rng.randint(1, 19))}届"
             "人民代表大会第{0}次会议上".format(chinese_number(rng.randint(1, 6))), "", "各位代表：", "",
             f"现在，我代表{f.unit}人民政府，向大会报告工作，请予审议。", ""]
    for part, heading in enumerate(("过去一年工作回顾", f"{f.year + 1}年工作安排", "加强政府自身建设")):
        lines += [f"{chinese_number(part + 1)}、{heading}", ""]
        for sub in range(rng.randint(2, 5)):
            lines += [f"（{chinese_number(sub + 1)}）{rng.choice(VERBS)}{rng.choice(TOPICS)}", ""]
            for item in range(rng.randint(1, 3)):
                lines += [f"{item + 1}.{rng.choice(MEASURES)}。{f.paragraph()}", ""]
    lines += ["各位代表，" + f.paragraph(2), ""]
    return "\n".join(lines)


def _regulation(rng: random.Random, number: int) -> str:
    """A 条例: chapters (第X章) of articles (第X条)."""
    f = _Filler(rng)
    topic = rng.choice(TOPICS)
    lines = [f"{f.province}省{f.place}{f.unit}{topic}条例（{number}）", "",
             f"（{f.year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日{f.place}{f.unit}人民代表大会常务委员会第"
             f"{chinese_number(rng.randint(1, 40))}次会议通过）", ""]
    chapters = ("总则", "管理与服务", "监督检查", "法律责任", "附则")
    counts = [rng.randint(2, 6) for _ in chapters]
    articles = [ARTICLES[0]] + [rng.choice(ARTICLES[1:-1]) for _ in range(sum(counts) - 2)] + [ARTICLES[-1]]
    article = 0
    for chapter, (heading, count) in enumerate(zip(chapters, counts)):
        lines += [f"第{chinese_number(chapter + 1)}章　{heading}", ""]
        for _ in range(count):
            extra = f.paragraph(1) if 0 < article < len(articles) - 1 and rng.random() < 0.4 else ""
            lines += [f"第{chinese_number(article + 1)}条　{f.fill(articles[article])}{extra}", ""]
            article += 1
    return "\n".join(lines)


def _notice(rng: random.Random, number: int) -> str:
    """A 通知 from an office: its number (〔年〕号), the addressees, the numbered points and an 附件."""
    f = _Filler(rng)
    topic = rng.choice(TOPICS)
    lines = [f"{f.issuer}关于做好{f.year}年{topic}工作的通知（{number}）", "",
             f"{f.place}{f.unit[0]}府办发〔{f.year}〕{rng.randint(1, 200)}号", "",
             "各街道办事处、各乡镇人民政府，区政府各部门，有关单位：", "",
             f"为{rng.choice(VERBS)}{topic}，经{f.unit}政府同意，现就有关事项通知如下：", ""]
    for point in range(rng.randint(3, 6)):
        lines += [f"{chinese_number(point + 1)}、{rng.choice(MEASURES)}", "", f.paragraph(), ""]
    lines += ["附件：", "", f"1.{f.year}年{topic}工作任务分解表", "", f"2.{topic}工作联络员名单", "",
              f.issuer, f"{f.year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", ""]
    return "\n".join(lines)


def varied_reports(count: int, seed: int = 13) -> list[tuple[str, bytes]]:
    """`count` different reports as (file name, UTF-8 bytes): in turn a variant of the sample, a
    政府工作报告, a 条例 and a 通知, each with its own issuer, year, numbers and paragraphs."""
    rng = random.Random(seed)
    sample = paths.sample_report_path().read_text(encoding="utf-8")
    makers = (lambda n: _sample_variant(rng, sample, n), lambda n: _work_report(rng, n),
              lambda n: _regulation(rng, n), lambda n: _notice(rng, n))
    kinds = ("sample", "work-report", "regulation", "notice")
    return [(f"{i:05d}-{kinds[i % 4]}.txt", makers[i % 4](i + 1).encode("utf-8")) for i in range(count)]
