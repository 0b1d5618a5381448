"""About thirty small, varied reports (kinds, years, issuing bodies) for the 书库's screenshots and real-window
test: written as .txt files, imported like any other."""

from __future__ import annotations

from pathlib import Path

#: (file name, title, issuing body signing it, date signed) -- the kind follows from the title.
REPORTS: tuple[tuple[str, str, str, str], ...] = (
    ("bj-gzbg-2024.txt", "2024年北京市政府工作报告", "北京市人民政府", "2024年1月21日"),
    ("bj-gzbg-2023.txt", "2023年北京市政府工作报告", "北京市人民政府", "2023年1月15日"),
    ("sh-gzbg-2024.txt", "2024年上海市政府工作报告", "上海市人民政府", "2024年1月23日"),
    ("gd-gzbg-2022.txt", "2022年广东省政府工作报告", "广东省人民政府", "2022年1月20日"),
    ("zj-gzbg-2021.txt", "2021年浙江省政府工作报告", "浙江省人民政府", "2021年1月26日"),
    ("cd-gzbg-2024.txt", "2024年成都市政府工作报告", "成都市人民政府", "2024年1月28日"),
    ("sh-fzzf-2023.txt", "上海市人民政府关于2023年法治政府建设情况的报告", "上海市人民政府", "2024年3月25日"),
    ("bj-fzzf-2022.txt", "北京市人民政府关于2022年法治政府建设情况的报告", "北京市人民政府", "2023年3月28日"),
    ("hz-fzzf-2023.txt", "杭州市2023年法治政府建设年度报告", "杭州市人民政府", "2024年2月29日"),
    ("sfb-fzzf-2021.txt", "司法部2021年法治政府建设年度报告", "司法部", "2022年3月30日"),
    ("gz-fzzf-2020.txt", "广州市2020年法治政府建设情况报告", "广州市人民政府", "2021年3月31日"),
    ("wh-fzzf-2022.txt", "武汉市2022年法治政府建设工作情况报告", "武汉市人民政府", "2023年3月20日"),
    ("zj-zfjd-tl.txt", "浙江省行政执法监督条例", "浙江省人民代表大会常务委员会", "2023年9月28日"),
    ("hz-fy-bf.txt", "杭州市行政复议工作办法", "杭州市人民政府", "2022年6月1日"),
    ("bj-zwgk-gd.txt", "北京市政务公开工作规定", "北京市人民政府", "2021年11月10日"),
    ("sh-yshj-tl.txt", "上海市优化营商环境条例", "上海市人民代表大会常务委员会", "2020年4月10日"),
    ("gd-xzcf-bf.txt", "广东省行政处罚听证程序实施办法", "广东省人民政府", "2021年12月1日"),
    ("gwy-zwfw-yj.txt", "国务院办公厅关于进一步优化政务服务提升行政效能的意见", "国务院办公厅", "2022年12月30日"),
    ("gwy-fzzf-tz.txt", "国务院关于加强法治政府建设督察工作的通知", "国务院", "2021年8月11日"),
    ("sfb-gg-tz.txt", "司法部关于开展行政执法监督试点工作的通知", "司法部", "2023年5月8日"),
    ("bj-fx-tz.txt", "北京市人民政府关于做好2024年防汛工作的通知", "北京市人民政府", "2024年5月15日"),
    ("cd-ys-yj.txt", "成都市人民政府关于推进一网通办的实施意见", "成都市人民政府", "2023年7月3日"),
    ("gz-ld-tz.txt", "广州市人民政府办公厅关于印发城市更新行动方案的通知", "广州市人民政府办公厅", "2022年4月18日"),
    ("bj-tjgb-2023.txt", "北京市2023年国民经济和社会发展统计公报", "北京市统计局", "2024年3月21日"),
    ("sh-tjgb-2022.txt", "上海市2022年国民经济和社会发展统计公报", "上海市统计局", "2023年3月16日"),
    ("wh-zxgz.txt", "武汉市营商环境专项督查工作总结", "武汉市人民政府办公厅", "2023年12月20日"),
    ("zj-szf-2020.txt", "2020年浙江省政府工作报告", "浙江省人民政府", "2020年1月13日"),
    ("gwy-gzbg-2024.txt", "2024年国务院政府工作报告", "国务院", "2024年3月5日"),
    ("gd-fzzf-2024.txt", "广东省2024年法治政府建设年度报告", "广东省人民政府", "2025年3月12日"),
)

_BODY = """{title}

一、总体情况

{year}年，{issuer}坚持依法行政，全年共办理行政复议案件{cases}件，同比增长{rise}%，办结率达{done}%。

二、主要举措

（一）完善制度体系

一是出台规范性文件{docs}件，清理{cleared}件；二是开展执法检查{checks}余次，整改问题{fixed}个。

（二）优化政务服务

政务服务事项网上可办率达{online}%，平均办理时间压缩至{days}个工作日，惠及群众{people}万余人次。

三、下一步工作

持续推进法治政府建设，为高质量发展提供有力法治保障。

{issuer}
{signed}
"""


def write_corpus(folder: Path) -> list[Path]:
    """The reports as UTF-8 text files in `folder`; their paths in REPORTS order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (name, title, issuer, signed) in enumerate(REPORTS):
        year = int(signed[:4]) - (1 if "报告" in title and "工作报告" not in title else 0)
        text = _BODY.format(title=title, issuer=issuer, signed=signed, year=year, cases=40 + 7 * i,
                            rise=round(3.5 + i * 0.7, 1), done=90 + i % 10, docs=12 + i, cleared=5 + i % 9,
                            checks=100 + 20 * i, fixed=30 + i, online=85 + i % 15, days=3 + i % 5,
                            people=2 + i % 17)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
