#!/usr/bin/env python3
"""Generate a synthetic xuanguan campaign site of N pages, plus the same site for Hugo.

Usage: gen_corpus.py N OUT_DIR [--seed S]

Writes OUT_DIR (a xuanguan site: content/campaign.yaml, content/<folder>/*.md,
content/data/enterprises.csv) and OUT_DIR-hugo (hugo.toml, content/<section>/*.md,
layouts/). Both sites hold the same pages with the same titles and bodies.
Deterministic: the same N and seed give byte-identical output. Standard library only.
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys

# ---------------------------------------------------------------- campaign

TOWN = "云溪镇"
COUNTY = "临江县"
ORG = "云溪镇人民政府"
ANWEI = "云溪镇安全生产委员会办公室"
DOCNO_GOV = "临云政"
DOCNO_AB = "临云安办"

PHASES = [
    ("xuanchuan", "造强宣传声势", dt.date(2025, 9, 1), dt.date(2025, 9, 30)),
    ("peixun", "强化学习培训", dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
    ("shifan", "推广示范典型", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
    ("changxiao", "宣传长效机制", dt.date(2026, 4, 1), dt.date(2026, 8, 31)),
]
PHASE_TASKS = {
    "xuanchuan": ["召开专项行动宣贯动员会，开设公众号专题专栏。",
                  "逐家送达一封信和告知书，签订承诺书。",
                  "在镇村LED屏和企业门头屏滚动播放宣传标语。"],
    "peixun": ["分行业举办标准化提升专题培训班。",
               "开展网格员检查清单应用培训。",
               "督促企业完成一次标准化年度自评。"],
    "shifan": ["培育标杆企业和示范岗位，召开现场观摩会。",
               "编印典型案例汇编，宣传先进经验。"],
    "changxiao": ["提炼工作经验，固化形成长效机制。",
                  "督促企业健全双重预防机制和年度自评机制。",
                  "全面总结宣贯工作。"],
}

UNITS = [
    ("anban", "镇安办"), ("yingji", "镇应急管理办"), ("xuanchuanban", "镇宣传办"),
    ("zonghe", "镇党政综合办"), ("guijian", "镇规划建设办"), ("dongshan", "东山村"),
    ("xihe", "西河村"), ("shiqiao", "石桥村"), ("fenglin", "枫林村"), ("xikou", "溪口村"),
]
VILLAGES = ["东山村", "西河村", "石桥村", "枫林村", "溪口村"]
VILLAGE_UNITS = ["dongshan", "xihe", "shiqiao", "fenglin", "xikou"]

TAGS = [
    "标准化提升", "宣传发动", "教育培训", "典型示范", "隐患排查", "长效机制", "双重预防",
    "安全宣传五进", "安全生产月", "消防安全", "燃气安全", "危险化学品", "烟花爆竹",
    "非煤矿山", "建筑施工", "道路交通", "工贸企业", "有限空间", "动火作业", "应急演练",
    "执法检查", "网格化管理", "小微企业", "主体责任", "风险管控", "警示教育", "班组建设",
    "岗位达标", "安全文化", "信息报送",
]

INDUSTRIES = ["建材", "竹木加工", "烟花爆竹零售", "加油站", "非煤矿山", "食品加工",
              "建筑施工", "机械加工", "茶叶加工", "服装加工", "物流仓储", "包装印刷"]
COMPANY_KIND = {
    "建材": ["石材有限公司", "新型建材有限公司", "砖瓦厂", "水泥制品厂", "商品混凝土有限公司"],
    "竹木加工": ["竹业有限公司", "竹木制品厂", "木业有限公司", "竹编工艺品厂"],
    "烟花爆竹零售": ["烟花爆竹零售店", "烟花爆竹零售点"],
    "加油站": ["加油站"],
    "非煤矿山": ["采石场", "矿业有限公司"],
    "食品加工": ["食品加工厂", "米业有限公司", "农产品加工有限公司"],
    "建筑施工": ["建筑工程有限公司", "建设工程有限公司"],
    "机械加工": ["机械配件有限公司", "五金加工厂"],
    "茶叶加工": ["茶厂", "茶业专业合作社"],
    "服装加工": ["服装厂", "制衣有限公司"],
    "物流仓储": ["物流有限公司", "仓储服务有限公司"],
    "包装印刷": ["纸箱包装厂", "彩印包装有限公司"],
}
BRANDS = ["云溪", "东山", "西河", "石桥", "枫林", "溪口", "鑫达", "宏远", "永安", "顺通",
          "青峰", "翠竹", "恒泰", "瑞丰", "兴旺", "华盛", "明珠", "金穗", "长青", "利民"]
SURNAMES = "陈林黄吴郑刘张王李赵周徐何罗谢梁宋唐韩冯邓曹彭曾萧潘杜蔡许江"
GIVEN = ["建国", "秀英", "志明", "海涛", "丽华", "德顺", "伟东", "立新", "春梅", "永强",
         "水生", "国华", "金山", "志刚", "美玲", "文斌", "晓燕", "建平", "春生", "玉兰",
         "卫东", "明辉", "光荣", "庆丰", "建华", "志勇", "家明", "宝珍", "国庆", "海波"]

# ---------------------------------------------------------------- phrase banks

ACTORS = ["各村委会", "镇直各单位", "镇安办", "镇应急管理办", "各生产经营单位", "各重点企业",
          "镇安委会各成员单位", "各行业主管部门", "各村安全员", "各网格员"]
DUTIES = [
    "严格对照检查清单开展自查自改", "加强对辖区企业的督促指导", "落实安全风险分级管控措施",
    "健全隐患排查治理台账", "组织从业人员开展岗位安全培训", "完善全员安全生产责任制",
    "加大执法检查力度", "深入开展安全宣传“五进”活动", "及时报送工作进展情况",
    "建立问题清单和整改清单", "规范设置安全警示标识", "推行“5S”现场管理",
    "落实动火、有限空间等危险作业审批制度", "定期组织应急演练", "摸清辖区企业底数",
    "逐家送达告知书并签订承诺书", "开展标准化年度自评", "强化重大事故隐患动态清零",
    "加强对小微企业的帮扶指导", "利用LED屏和微信群广泛宣传",
]
GOALS = [
    "确保各项措施落到实处", "切实提升本质安全水平", "推动标准化提升工作走深走实",
    "坚决防范遏制生产安全事故", "营造浓厚的安全生产氛围", "形成齐抓共管的工作格局",
    "做到底数清、情况明", "推动企业主体责任落地落实", "确保宣贯工作有序有效开展",
    "实现从“要我安全”到“我要安全”的转变",
]
OPENERS = [
    "为深入贯彻落实县委、县政府关于安全生产标准化提升专项行动的决策部署",
    "为进一步压实企业安全生产主体责任",
    "为巩固安全生产标准化提升专项行动阶段性成果",
    "为切实做好当前安全生产工作",
    "为推动安全生产标准化理念进企业、进村居、进岗位",
]
OPENER_TAILS = [
    "结合我镇实际，现就有关事项通知如下。",
    "经研究，决定在全镇范围内组织开展相关工作，现将有关事项通知如下。",
    "现将有关工作安排通知如下，请认真抓好落实。",
]
REQ_TITLES = ["加强组织领导", "压实工作责任", "注重宣传实效", "及时报送信息", "强化督导检查",
              "严格执法问责", "加强协调配合", "做好总结提升"]
SEC_TITLES = ["总体目标", "工作重点", "主要任务", "实施步骤", "工作措施", "有关要求", "保障措施",
              "时间安排", "责任分工"]
ACTIVITIES = ["安全生产标准化宣传进企业活动", "安全隐患排查整治行动", "安全生产法律法规宣讲活动",
              "消防安全知识培训", "燃气安全入户宣传", "有限空间作业专项检查",
              "烟花爆竹零售点安全检查", "“安全生产月”集中宣传咨询日活动",
              "企业主要负责人安全培训", "应急疏散演练", "标准化自评指导帮扶活动",
              "建筑工地安全检查", "危险化学品安全专项检查"]
WHO = ["村干部和网格员", "镇安办工作人员", "镇应急管理办执法人员", "村安全员", "安全技术服务机构专家",
       "镇村两级安全监管人员"]
WHERE = ["辖区竹木加工企业", "集镇主要商铺", "各烟花爆竹零售点", "建材企业集中区", "辖区加油站",
         "在建工地", "村文化广场", "食品加工企业", "物流仓储场所"]
ACTIONS = ["逐家送达告知书", "面对面讲解标准化创建要求", "现场检查消防器材和安全通道",
           "指导企业完善隐患排查台账", "发放宣传手册和明白纸", "解答企业和群众咨询",
           "督促企业落实整改措施", "张贴安全警示标识"]
HAZARDS = ["安全通道堵塞", "灭火器过期", "配电箱未上锁", "设备防护罩缺失", "物料乱堆乱放",
           "安全警示标识不全", "应急照明损坏", "电线私拉乱接", "动火作业未审批"]
NEXT = ["将结合网格化巡查开展“回头看”", "将继续加大宣传培训力度", "将对整改情况进行跟踪复查",
        "将总结推广好的经验做法", "将对进度滞后的企业进行约谈提醒"]
SLOGAN_A = ["安全生产标准化", "落实主体责任", "排查隐患不留死角", "人人讲安全", "守住安全红线",
            "对标对表抓创建", "安全标准人人学", "班前多讲一分钟", "小微企业也要达标", "以标准促规范",
            "安全连着你我他", "消除事故隐患", "强化风险管控", "遵章守纪保安全", "安全投入不能省"]
SLOGAN_B = ["企业发展稳根基", "筑牢安全防线", "整改问题不打折扣", "个个会应急", "守护万家灯火",
            "自主运行见实效", "操作规程个个守", "岗位多添一分安全", "安全生产没有例外", "以规范保安全",
            "标准落实靠大家", "守护平安家园", "共建平安云溪", "违章蛮干酿祸端", "生命财产有保障"]
SLOGAN_SPECIAL = ["标准化建设——企业安全发展的“压舱石”。", "“三违”不除，事故难止。",
                  "发现事故隐患，请拨打安全生产举报电话12350。",
                  "管理标准化、现场标准化、操作标准化，一个环节都不能少。"]
CASE_GOOD = [("主要负责人带头抓", "企业成立由总经理任组长的标准化工作小组，每周召开一次安全例会，对照检查清单逐项过堂，发现问题当场明确整改责任人和完成时限。"),
             ("现场管理定置化", "企业对车间进行整体规划，划定原料区、加工区、成品区和安全通道，地面统一标线，物料按区定置摆放。"),
             ("警示标识可视化", "按照“六有”要求，设备有铭牌、岗位有警示、管线有流向标，在危险设备旁张贴操作规程和风险告知卡。"),
             ("岗位培训常态化", "企业推行班前“每人一分钟”安全讲话，由老员工带新员工，新员工未经考核合格不得单独上岗。"),
             ("隐患整改闭环化", "企业建立隐患排查治理台账，对发现的隐患实行登记、整改、验收、销号闭环管理。"),
             ("应急处置实战化", "企业每季度组织一次应急演练，演练结束后及时评估，修订完善应急预案。")]
CASE_BAD = [("违章作业", "作业人员在设备运行状态下清理积料，未停机、未断电、未挂牌。"),
            ("防护缺失", "设备防护罩缺失，急停装置损坏后长期未修复。"),
            ("培训不到位", "企业安全培训流于形式，员工对岗位风险认识不足。"),
            ("制度不落实", "企业虽完成标准化创建，但日常运行不到位，现场与制度“两张皮”。"),
            ("审批缺位", "动火作业前未办理审批手续，未清理周边可燃物，未安排专人监护。")]
ACCIDENTS = ["机械伤害", "物体打击", "高处坠落", "火灾", "触电", "有限空间中毒窒息", "车辆伤害"]
STAT_KEYS = ["宣传场次", "发放资料", "培训人次", "走访企业", "排查隐患"]
STAT_PHRASE = {"宣传场次": "开展集中宣传{}场次", "发放资料": "发放宣传资料{}份", "培训人次": "培训从业人员{}人次",
               "走访企业": "走访企业{}家", "排查隐患": "排查隐患{}处"}

# Type mix (weights) and the folder each type lives in.
TYPES = [
    ("news", "news", 40), ("briefing", "news", 8), ("notice", "notices", 12),
    ("plan", "notices", 4), ("speech", "notices", 3), ("case", "cases", 12),
    ("slogans", "slogans", 6), ("letter", "letters", 6), ("form", "letters", 3),
    ("pledge", "letters", 3), ("page", "pages", 3),
]
SECTION_TITLES = {"news": "工作动态", "notices": "通知公告", "cases": "典型案例",
                  "slogans": "宣传标语", "letters": "一封信", "pages": "专题页面"}
ROSTER_FORMS = 2  # only the first forms/pledges are mail-merged, so Hugo and xuanguan render similar page counts


def cn_date(d):
    return f"{d.year}年{d.month}月{d.day}日"


def md_date(d):
    return f"{d.month}月{d.day}日"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.docno = {}

    def pick(self, seq):
        return self.r.choice(seq)

    def sample(self, seq, k):
        return self.r.sample(seq, k)

    def duty_sentence(self):
        a = self.pick(ACTORS)
        d1, d2 = self.sample(DUTIES, 2)
        return f"{a}要{d1}，{d2}，{self.pick(GOALS)}。"

    def para(self, n=None):
        n = n or self.r.randint(2, 4)
        return "".join(self.duty_sentence() for _ in range(n))

    def company(self, industry=None):
        industry = industry or self.pick(INDUSTRIES)
        return f"{COUNTY}{self.pick(BRANDS)}{self.pick(COMPANY_KIND[industry])}", industry

    def person(self):
        return self.pick(SURNAMES) + self.pick(GIVEN)

    def next_docno(self, prefix, year):
        k = (prefix, year)
        self.docno[k] = self.docno.get(k, 0) + 1
        return f"{prefix}〔{year}〕{self.docno[k]}号"

    def table(self):
        rows = ["| 村（单位） | 走访企业 | 排查隐患 | 已整改 |", "| --- | --- | --- | --- |"]
        for v in VILLAGES:
            a = self.r.randint(5, 30)
            b = self.r.randint(3, 40)
            rows.append(f"| {v} | {a} | {b} | {self.r.randint(0, b)} |")
        return "\n".join(rows)

    # ---------------------------------------------------------- bodies
    def body_notice(self, target):
        out = [f"{self.pick(OPENERS)}，{self.pick(OPENER_TAILS)}"]
        cn = "一二三四五六七八九"
        secs = sorted(self.sample(SEC_TITLES, 5), key=SEC_TITLES.index)
        reqs = self.sample(REQ_TITLES, len(REQ_TITLES))
        i = 0
        while len("\n\n".join(out).encode()) < target and i < 5:
            out.append(f"## {cn[i]}、{secs[i]}")
            if self.r.random() < 0.4:
                for j in range(self.r.randint(2, 3)):
                    if not reqs:
                        reqs = self.sample(REQ_TITLES, len(REQ_TITLES))
                    out.append(f"**（{cn[j]}）{reqs.pop()}。**{self.para(2)}")
            else:
                out.append(self.para())
            i += 1
        return "\n\n".join(out)

    def body_plan(self, target):
        out = [f"{self.pick(OPENERS)}，结合全镇实际，制定本方案。", "## 一、总体目标", self.para(3),
               "## 二、实施步骤", "本轮工作分四个阶段实施，具体安排如下：",
               "| 阶段 | 时间安排 | 主要任务 |", "| --- | --- | --- |"]
        for pid, name, s, e in PHASES:
            out[-1] += f"\n| {name} | {cn_date(s)}—{cn_date(e)} | {PHASE_TASKS[pid][0].rstrip('。')} |"
        cn = "一二三四"
        for k, (pid, name, s, e) in enumerate(PHASES):
            out.append(f"### （{cn[k]}）{name}（{cn_date(e)}前）")
            out.append(self.para(2))
        out.append("## 三、有关要求")
        j = 0
        while len("\n\n".join(out).encode()) < target and j < 6:
            out.append(f"**（{cn[j] if j < 4 else '五六'[j - 4]}）{REQ_TITLES[j]}。**{self.para(2)}")
            j += 1
        return "\n\n".join(out)

    def body_speech(self, target):
        out = ["同志们：", "今天召开这次会议，主要是总结前一阶段安全生产标准化提升工作，部署下一阶段重点任务。下面，我讲三点意见。"]
        cn = "一二三四五"
        heads = sorted(self.sample(['提高思想认识', '突出工作重点', '狠抓责任落实', '强化宣传培训', '完善长效机制'], 3),
                       key=['提高思想认识', '突出工作重点', '狠抓责任落实', '强化宣传培训', '完善长效机制'].index)
        per = max(1, (target - 400) // 3 // 450)
        for i in range(3):
            out.append(f"## {cn[i]}、{heads[i]}")
            parts = [f"{'一二三'[k]}是{d}" for k, d in enumerate(self.sample(DUTIES, 3))]
            out.append("；".join(parts) + "。" + self.para(2))
            for _ in range(per - 1):
                out.append(self.para(2))
        out.append("同志们，安全生产责任重于泰山。让我们以更加务实的作风抓好各项工作落实，为全镇高质量发展营造良好的安全环境。")
        return "\n\n".join(out)

    def body_news(self, d, unit_name, target, stats):
        out = [f"{md_date(d)}，{unit_name}组织{self.pick(WHO)}深入{self.pick(WHERE)}，开展{self.pick(ACTIVITIES)}。"]
        used = set()
        while len("\n\n".join(out).encode()) < target:
            k = self.r.random()
            if (k >= 0.35 and k < 0.65) and k < 0.55 and "stats" in used or 0.55 <= k < 0.65 and "table" in used:
                k = 0.9
            if 0.35 <= k < 0.55:
                used.add("stats")
            elif 0.55 <= k < 0.65:
                used.add("table")
            if k < 0.35:
                a, b = self.sample(ACTIONS, 2)
                out.append(f"活动中，工作人员{a}，{b}，对发现的{'、'.join(self.sample(HAZARDS, 2))}等问题当场告知整改要求，并登记在册、跟踪复查。")
            elif k < 0.55:
                parts = [STAT_PHRASE[key].format(val) for key, val in stats.items()]
                out.append(f"截至{md_date(d)}，{unit_name}累计" + "，".join(parts) + "。")
            elif k < 0.65:
                out.append(self.table())
            elif k < 0.8:
                out.append("- " + "\n- ".join(f"{self.pick(DUTIES)}；" for _ in range(2)) + f"\n- {self.pick(DUTIES)}。")
            else:
                out.append(self.para(2))
        out.append(f"下一步，{unit_name}{self.pick(NEXT)}，{self.pick(GOALS)}。")
        return "\n\n".join(out)

    def body_case(self, good, target, industry, who):
        if good:
            out = [f"{who}属{industry}行业企业，现有员工{self.r.randint(12, 160)}人。专项行动开展以来，该企业对照标准规范查漏补缺，推动标准化从“纸面”走向“现场”，取得明显成效。",
                   "## 一、主要做法"]
            for k, (t, txt) in enumerate(self.sample(CASE_GOOD, 4)):
                out.append(f"**（{'一二三四'[k]}）{t}。**{txt}")
            out += ["## 二、取得成效", f"企业累计整改隐患{self.r.randint(10, 80)}项，全年保持零事故，顺利完成标准化年度自评。",
                    "## 三、经验启示", self.para(2)]
        else:
            acc = self.pick(ACCIDENTS)
            out = [f"为深刻吸取事故教训，现将一起{industry}企业{acc}事故的有关情况通报如下，供各村、各企业开展警示教育使用。",
                   "## 一、事故经过", f"某日，{who}一名员工在作业过程中发生{acc}事故，经送医抢救无效死亡。",
                   "## 二、事故原因"]
            for k, (t, txt) in enumerate(self.sample(CASE_BAD, 3)):
                out.append(f"**（{'一二三'[k]}）{t}。**{txt}")
            out += ["## 三、警示教育", self.para(3)]
        while len("\n\n".join(out).encode()) < target:
            out.append(self.para(2))
        return "\n\n".join(out)

    def body_slogans(self):
        n = self.r.randint(10, 16)
        items = set()
        while len(items) < n - 1:
            items.add(f"{self.pick(SLOGAN_A)}，{self.pick(SLOGAN_B)}。")
        items = sorted(items)
        self.r.shuffle(items)
        items.insert(self.r.randint(0, len(items)), self.pick(SLOGAN_SPECIAL))
        return "\n".join(f"{i}. {s}" for i, s in enumerate(items, 1))

    def body_letter(self, target):
        out = ["近年来，在全镇各生产经营单位的共同努力下，我镇安全生产形势总体平稳。在此，向长期以来支持和参与安全生产工作的企业负责人和广大职工致以衷心的感谢！"]
        while len("\n\n".join(out).encode()) < target - 300:
            out.append(self.para(2))
        out.append("安全生产没有旁观者，人人都是参与者、受益者。让我们携起手来，共同守护云溪的平安与发展！")
        return "\n\n".join(out)

    def body_form(self, pledge, roster, year):
        name = "{{单位名称}}" if roster else "________________"
        head = f"本单位{name}郑重承诺：" if pledge else f"{name}："
        items = self.sample(DUTIES, 5)
        lines = [head, "", ("根据《中华人民共和国安全生产法》和本镇安全生产标准化提升专项行动的部署，现将有关事项告知如下：" if not pledge else "严格遵守安全生产法律法规，自觉履行安全生产主体责任，具体做到："), ""]
        for i, it in enumerate(items, 1):
            lines += [f"{i}. {it}。", ""]
        sign = "承诺单位（盖章）" if pledge else "接收单位（盖章）"
        lines += [f"{sign}：________________", "", "主要负责人（签字）：________________", "", f"{year}年  月  日", "",
                  f"备注：本{'承诺书' if pledge else '告知书'}一式四份，一份由企业留存备查，一份在企业公示栏公示，一份报送所在村委会，一份报送镇安办备案。"]
        return "\n".join(lines)

    def body_page(self, target):
        out = [f"本专题由{ORG}主办、{ANWEI}承办，集中发布安全生产标准化提升专项行动的工作方案、通知文件、宣传标语和工作动态。"]
        while len("\n\n".join(out).encode()) < target:
            out.append(f"## {self.pick(['栏目说明', '资料使用', '信息报送', '联系方式'])}")
            out.append(self.para(2))
        return "\n\n".join(out)


def summarize(body, title):
    """First sentence of the first prose paragraph, at most about 100 characters."""
    for para in body.split("\n\n"):
        if para.startswith(("#", "|", "-", "同志们")) or len(para) < 20:
            continue
        para = para.replace("**", "")
        sent = para.split("。")[0]
        if len(sent) > 100:
            sent = sent[:100].rsplit("，", 1)[0]
        if sent.count("“") == sent.count("”") and sent.count("（") == sent.count("）"):
            return sent + "。"
        break
    return title + "。"


def yaml_str(v):
    return json.dumps(v, ensure_ascii=False)


def fm_lines(fm):
    out = ["---"]
    for k, v in fm.items():
        if isinstance(v, bool):
            out.append(f"{k}: {'true' if v else 'false'}")
        elif isinstance(v, int):
            out.append(f"{k}: {v}")
        elif isinstance(v, dt.date):
            out.append(f"{k}: {v.isoformat()}")
        elif isinstance(v, list):
            out.append(f"{k}: [{', '.join(yaml_str(x) for x in v)}]")
        elif isinstance(v, dict):
            out.append(f"{k}:")
            for kk, vv in v.items():
                out.append(f"  {kk}: {vv}")
        else:
            out.append(f"{k}: {yaml_str(v)}")
    out.append("---")
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def campaign_yaml():
    lines = [f"title: {TOWN}安全生产标准化提升专项行动（基准测试语料）", f"org: {ORG}",
             "description: 用于性能基准测试的合成语料，内容为虚构。", 'base_url: ""',
             'theme_color: "#b5121b"', "phases:"]
    for pid, name, s, e in PHASES:
        lines += [f"  - id: {pid}", f"    name: {name}", f"    start: {s.isoformat()}", f"    end: {e.isoformat()}",
                  "    tasks: [" + ", ".join(yaml_str(t) for t in PHASE_TASKS[pid]) + "]"]
    lines.append("units:")
    for uid, name in UNITS:
        lines += [f"  - id: {uid}", f"    name: {name}"]
    lines += ["footer:", f"  sponsor: {ORG}", f"  organizer: {ANWEI}", '  phone: "0000-0000000"',
              f"  address: {COUNTY}{TOWN}云溪街1号（虚构地址）", "  email: bench@example.org",
              '  site_code: ""', '  icp: ""', '  police_beian: ""', '  zhaocuo: ""',
              "wechat:", "  account: 云溪发布", "  author: 云溪镇安办", "  editor: 林晓雯",
              "  reviewer: 陈志远", f"  source: {ANWEI}"]
    return "\n".join(lines) + "\n"


def generate(n, out, seed):
    g = Gen(seed)
    r = g.r
    hugo = out.rstrip("/") + "-hugo"
    for d in (out, hugo):
        if os.path.exists(d):
            shutil.rmtree(d)
    write(os.path.join(out, "content", "campaign.yaml"), campaign_yaml())

    # roster
    rows = ["单位名称,主要负责人,所属村,行业,联系电话"]
    for i in range(30):
        name, ind = g.company()
        rows.append(f"{name},{g.person()},{VILLAGES[i % 5]},{ind},138****{i + 1:04d}")
    write(os.path.join(out, "content", "data", "enterprises.csv"), "\n".join(rows) + "\n")

    unit_name = dict(UNITS)
    weights = [w for _, _, w in TYPES]
    counters = {}
    plans, slogans_pages = [], []
    n_roster = 0
    for i in range(n):
        typ, folder, _ = r.choices(TYPES, weights=weights)[0]
        if i < len(TYPES):  # make sure every type occurs at least once
            typ, folder, _ = TYPES[i]
        counters[typ] = counters.get(typ, 0) + 1
        slug = f"{typ}-{counters[typ]:05d}"
        pid, pname, ps, pe = PHASES[i % 4] if i < 8 else r.choice(PHASES)
        d = ps + dt.timedelta(days=r.randint(0, (pe - ps).days))
        if typ in ("notice", "plan", "letter", "form", "pledge", "slogans") and pid == "xuanchuan" and r.random() < 0.3:
            d = ps  # campaign launch documents
        uid = r.choice(UNITS)[0]
        tags = r.sample(TAGS, r.randint(1, 4))
        target = r.randint(1000, 3000)
        fm = {"type": typ}
        issuer = ANWEI if typ not in ("notice", "plan") else ORG
        who = None
        if typ == "news" or typ == "briefing":
            stats = {k: r.randint(1, 5) if k == "宣传场次" else r.randint(50, 1500) if k == "发放资料" else r.randint(10, 120)
                     for k in r.sample(STAT_KEYS, r.randint(2, 4))}
            act = g.pick(ACTIVITIES)
            if typ == "briefing":
                title = f"{TOWN}安全生产标准化提升工作简报（第{counters[typ]}期）"
            else:
                title = f"{unit_name[uid]}开展{act}"
            body = g.body_news(d, unit_name[uid], target, stats)
        elif typ == "notice":
            topic = g.pick(["安全隐患排查整治", "安全生产标准化年度自评", "“安全生产月”活动",
                            "标准化提升专题培训", "烟花爆竹安全管理", "有限空间作业安全管理",
                            "节假日期间安全生产", "应急演练"])
            gov = r.random() < 0.5
            issuer = ORG if gov else ANWEI
            title = f"{issuer}关于做好{topic}工作的通知"
            fm["doc_no"] = g.next_docno(DOCNO_GOV if gov else DOCNO_AB, d.year)
            body = g.body_notice(target)
        elif typ == "plan":
            title = f"{TOWN}{g.pick(['安全生产标准化提升专项行动宣贯工作方案', '安全隐患排查整治工作方案', '安全生产宣传教育工作方案', '标准化标杆企业培育工作方案'])}"
            body = g.body_plan(target)
        elif typ == "speech":
            title = f"在全镇安全生产标准化提升工作推进会上的讲话（{cn_date(d)}）"
            body = g.body_speech(target)
        elif typ == "case":
            good = r.random() < 0.6
            who, ind = g.company()
            anon = who.replace(COUNTY, "").lstrip()
            for b in BRANDS:
                if anon.startswith(b):
                    anon = "某某" + anon[len(b):]
                    break
            fm_ind = ind
            title = f"{anon}{'推进标准化提升的经验做法' if good else '生产安全事故警示案例'}"
            body = g.body_case(good, target, ind, anon)
        elif typ == "slogans":
            title = f"{TOWN}安全生产宣传标语（第{counters[typ]}组）"
            body = g.body_slogans()
        elif typ == "letter":
            title = f"{g.pick(['筑牢安全生产根基', '落实主体责任 守护平安云溪', '对标提升强基础'])}——致全镇生产经营单位的一封信"
            body = g.body_letter(target)
        elif typ in ("form", "pledge"):
            roster = n_roster < ROSTER_FORMS
            n_roster += roster
            title = f"关于自主加强安全生产标准化建设{'承诺书' if typ == 'pledge' else '告知书'}（第{counters[typ]}版）"
            body = g.body_form(typ == "pledge", roster, d.year)
            if roster:
                fm["roster"] = "enterprises.csv"
                fm["copies"] = 4
        else:  # page
            title = f"{g.pick(['关于本专题', '栏目说明', '联系我们', '资料下载说明'])}（{counters[typ]}）"
            body = g.body_page(target)

        fm.update({"title": title, "slug": slug, "issuer": issuer, "date": d, "disclosure": "主动公开"})
        if typ != "page":
            fm.update({"phase": pid, "unit": uid, "tags": tags})
        if typ in ("notice", "letter"):
            fm["addressees"] = ["各村委会", "镇直各单位"] if typ == "notice" else ["全镇各生产经营单位"]
        if typ == "notice" and (plans or slogans_pages) and r.random() < 0.3:
            att = []
            if plans:
                att.append(r.choice(plans))
            if slogans_pages:
                att.append(r.choice(slogans_pages))
            fm["attachments"] = [a[0] for a in att]
            fm["_hugo_att"] = [f"/{a[1]}/{a[0]}" for a in att]
        if typ == "briefing":
            fm["issue_no"] = counters[typ]
        if typ in ("news", "briefing"):
            fm["stats"] = stats
            fm["wechat"] = r.random() < 0.3
        if typ == "case":
            fm["industry"] = fm_ind
        if typ == "slogans":
            fm["led"] = True
            slogans_pages.append((slug, folder))
        if typ == "plan":
            plans.append((slug, folder))
        fm["summary"] = summarize(body, title) if typ not in ("form", "pledge", "slogans") else f"{title}。"

        hugo_att = fm.pop("_hugo_att", None)
        write(os.path.join(out, "content", folder, slug + ".md"), fm_lines(fm) + "\n\n" + body + "\n")

        # Hugo: `type` selects layouts in Hugo, so it becomes `doctype`; phase/unit become taxonomies.
        h = {}
        for k, v in fm.items():
            if k == "type":
                h["doctype"] = v
            elif k == "phase":
                h["phases"] = [dict((p[0], p[1]) for p in PHASES)[v]]
            elif k == "unit":
                h["units"] = [unit_name[v]]
            elif k == "attachments":
                h["attachments"] = hugo_att
            elif k in ("roster",):
                continue
            else:
                h[k] = v
        write(os.path.join(hugo, "content", folder, slug + ".md"), fm_lines(h) + "\n\n" + body + "\n")

    write_hugo_site(hugo)
    return counters


HUGO_TOML = """baseURL = "/"
locale = "zh-CN"
defaultContentLanguage = "zh"
title = "云溪镇安全生产标准化提升专项行动（基准测试语料）"
hasCJKLanguage = true
buildFuture = true
relativeURLs = true
uglyURLs = true
enableRobotsTXT = false
disableKinds = []

[taxonomies]
tag = "tags"
phase = "phases"
unit = "units"

[outputs]
home = ["HTML", "RSS", "JSON"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]

[pagination]
pagerSize = 30

[services.rss]
limit = 50

[markup.goldmark.extensions]
table = true
strikethrough = true

[params]
org = "云溪镇人民政府"
organizer = "云溪镇安全生产委员会办公室"
phone = "0000-0000000"
"""

LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
<meta name="SiteName" content="{{ site.Title }}">
<meta name="ArticleTitle" content="{{ .Title }}">
<style>
body{margin:0;font:16px/1.75 "Noto Serif CJK SC",serif;color:#222}
header{background:#b5121b;color:#fff;padding:.8em 1em}header a{color:#fff;margin-right:1em}
main{max-width:46em;margin:auto;padding:1em}footer{border-top:1px solid #ddd;padding:1em;font-size:.9em;color:#555}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}.meta{color:#666}
.gw-docno{text-align:center}.gw-sig{text-align:right}
</style>
</head>
<body>
<header><a href="{{ "index.html" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}<a href="{{ "phases/index.html" | relURL }}">阶段</a><a href="{{ "units/index.html" | relURL }}">单位</a><a href="{{ "tags/index.html" | relURL }}">标签</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>主办单位：{{ site.Params.org }}　承办单位：{{ site.Params.organizer }}　联系电话：{{ site.Params.phone }}</footer>
</body>
</html>
""",
    "home.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p>{{ site.Params.org }}</p>
<h2>工作阶段</h2>
<ol>{{ range site.Taxonomies.phases.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>（{{ .Count }}）</li>{{ end }}</ol>
<h2>最新通知</h2>
<ul>{{ range first 10 (where site.RegularPages "Section" "notices") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">{{ .Date.Format "2006年1月2日" }}</span></li>{{ end }}</ul>
<h2>工作动态</h2>
<ul>{{ range first 10 (where site.RegularPages "Section" "news") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">{{ .Date.Format "2006年1月2日" }}</span></li>{{ end }}</ul>
<h2>宣传标语</h2>
{{ range first 1 (where site.RegularPages "Section" "slogans") }}{{ .Content }}{{ end }}
{{ end }}
""",
    "single.html": """{{ define "main" }}
<article>
{{ with .Params.doc_no }}<p class="gw-docno">{{ . }}</p>{{ end }}
<h1>{{ .Title }}</h1>
<p class="meta">{{ .Params.issuer }}　{{ .Date.Format "2006年1月2日" }}{{ with .Params.industry }}　行业：{{ . }}{{ end }}</p>
{{ with .Params.addressees }}<p>{{ delimit . "，" }}：</p>{{ end }}
{{ .Content }}
{{ with .Params.attachments }}<p>附件：</p><ol>{{ range . }}{{ with site.GetPage . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol>{{ end }}
{{ if eq .Params.doctype "notice" "plan" "letter" }}<p class="gw-sig">{{ .Params.issuer }}<br>{{ .Date.Format "2006年1月2日" }}</p>{{ end }}
{{ with .Params.stats }}<table><tr><th>统计项</th><th>数量</th></tr>{{ range $k, $v := . }}<tr><td>{{ $k }}</td><td>{{ $v }}</td></tr>{{ end }}</table>{{ end }}
<p class="meta">{{ range .GetTerms "phases" }}阶段：<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "units" }}单位：<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a> {{ end }}</p>
</article>
{{ end }}
""",
    "list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">{{ .Date.Format "2006年1月2日" }}</span><br>{{ .Params.summary }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>（{{ .Count }}）</li>{{ end }}</ul>
{{ end }}
""",
    "term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">{{ .Date.Format "2006年1月2日" }}</span><br>{{ .Params.summary }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
""",
    "home.json": """[{{ range $i, $p := site.RegularPages }}{{ if $i }},{{ end }}{{ dict "t" $p.Title "u" $p.RelPermalink "d" ($p.Date.Format "2006-01-02") "s" $p.Params.summary | jsonify }}{{ end }}]
""",
    "404.html": """{{ define "main" }}<h1>页面不存在</h1><p><a href="{{ "index.html" | relURL }}">返回首页</a></p>{{ end }}
""",
}


def write_hugo_site(hugo):
    write(os.path.join(hugo, "hugo.toml"), HUGO_TOML)
    for name, text in LAYOUTS.items():
        write(os.path.join(hugo, "layouts", name), text)
    for folder, title in SECTION_TITLES.items():
        write(os.path.join(hugo, "content", folder, "_index.md"), f"---\ntitle: {title}\n---\n")
    for tax, title in (("tags", "标签"), ("phases", "工作阶段"), ("units", "单位")):
        write(os.path.join(hugo, "content", tax, "_index.md"), f"---\ntitle: {title}\n---\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("out", help="output directory (the Hugo site goes to OUT-hugo)")
    ap.add_argument("--seed", type=int, default=20261123)
    a = ap.parse_args()
    if a.n < 1:
        ap.error("N must be positive")
    counters = generate(a.n, a.out, a.seed)
    print(f"wrote {a.n} pages to {a.out} and {a.out.rstrip('/')}-hugo: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counters.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
