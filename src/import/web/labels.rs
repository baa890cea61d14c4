//! The labels of a 信息公开 block and of a page's 发布信息 line, with the schema key each
//! stands for, and how a label is found in a line: blanks inside it ("索 引 号"), brackets
//! around it ("[ 索引号 ]"), a colon or a closing bracket after it.

use crate::gongwen::chars::is_blank;

/// (label, schema key). `""`: a label of the page (来源, 浏览次数…) whose value is dropped.
const LABELS: &[(&str, &str)] = &[
    ("信息索引号", "index_no"),
    ("索引号", "index_no"),
    ("索取号", "index_no"),
    ("信息发布机构", "issuer"),
    ("发布机构", "issuer"),
    ("发文机关", "issuer"),
    ("发文机构", "issuer"),
    ("发文单位", "issuer"),
    ("发布单位", "issuer"),
    ("生成机构", "issuer"),
    ("制发单位", "issuer"),
    ("制发机关", "issuer"),
    ("所属机构", "issuer"),
    ("公开责任部门", "issuer"),
    // Counts only beside the block: a plan's task lists name their 责任部门 too.
    ("责任部门", "issuer"),
    ("主题分类", "topic"),
    ("信息分类", "topic"),
    ("信息类别", "topic"),
    ("所属主题", "topic"),
    ("公文目录", "topic"),
    ("组配分类", "topic"),
    ("公开目录", "topic"),
    ("所属分类", "topic"),
    ("内容分类", "topic"),
    ("分类", "topic"),
    ("体裁分类", "genre"),
    ("体裁", "genre"),
    ("成文日期", "date"),
    ("成文时间", "date"),
    ("发文日期", "date"),
    ("发文时间", "date"),
    ("公文生成日期", "date"),
    ("签署日期", "date"),
    ("生成日期", "date"),
    // The Zhejiang platform's "生成时间:2023-03-29 16:08:27": when the page was published.
    ("生成时间", "published"),
    ("备注/文号", "doc_no"),
    ("发文字号", "doc_no"),
    ("文件编号", "doc_no"),
    ("发文编号", "doc_no"),
    ("发布文号", "doc_no"),
    ("文号", "doc_no"),
    ("发布日期", "published"),
    ("公开日期", "published"),
    ("发布时间", "published"),
    ("发表时间", "published"),
    ("信息时间", "published"),
    ("公开方式", "disclosure"),
    ("公开类别", "disclosure"),
    ("公开形式", "disclosure"),
    ("公开属性", "disclosure"),
    // Shanghai's "公开类型: | 主动公开 |" beside its "公开属性: | 全部公开 |".
    ("公开类型", "disclosure"),
    ("文件有效性", "valid"),
    ("有效性", "valid"),
    ("效力状态", "valid"),
    ("时效性", "valid"),
    ("是否有效", "valid"),
    ("标题", "title"),
    ("信息名称", "title"),
    ("文件名称", "title"),
    ("名称", "title"),
    ("主题词", "keywords"),
    ("关键词", "keywords"),
    ("关键字", "keywords"),
    ("联合发文单位", ""),
    ("核心提示", ""),
    ("内容提要", ""),
    ("文件来源", ""),
    ("公文种类", ""),
    ("信息来源", ""),
    ("文章来源", ""),
    ("来源", ""),
    ("稿源", ""),
    ("作者", ""),
    ("发布人", ""),
    ("公众号", ""),
    ("责任编辑", ""),
    ("审核人", ""),
    ("审核", ""),
    ("供稿", ""),
    ("撰稿", ""),
    ("文字", ""),
    ("摄影", ""),
    ("编辑", ""),
    ("浏览次数", ""),
    ("浏览量", ""),
    ("点击数", ""),
    ("点击量", ""),
    ("访问量", ""),
    ("阅读次数", ""),
    ("阅读量", ""),
    // The page's last change: its date when the page gives no other ("更新时间:2024-06-05 11:20").
    ("更新时间", "updated"),
    ("更新日期", "updated"),
    ("出处", ""),
    ("时间", "published"),
    ("日期", "published"),
    ("阅读", ""),
    ("浏览", ""),
    ("点击", ""),
    ("字体", ""),
    ("字号", ""),
    ("失效日期", ""),
    ("废止日期", ""),
    ("生效日期", ""),
    ("实施日期", ""),
    ("内容概述", ""),
    // Inner Mongolia's "概  述:": the body's first words, cut off with "...".
    ("概述", ""),
    ("公开时限", ""),
    ("公开期限", ""),
    // A mobile page's "部门:某镇 | 栏目:安全生产 | 来源:… | 日期:…": the page's own labels.
    ("部门", ""),
    ("栏目", ""),
    ("公开范围", ""),
    ("服务对象", ""),
    ("登记号", ""),
    ("登记日期", ""),
    ("信息时效期", ""),
];

/// Labels that may stand alone on a line (a weak one such as 标题 or 作者 counts only next to
/// others).
pub(super) fn is_strong(label: &str) -> bool {
    !matches!(
        label,
        "标题"
            | "时间"
            | "日期"
            | "分类"
            | "点击"
            | "浏览"
            | "名称"
            | "文号"
            | "作者"
            | "编辑"
            | "审核"
            | "供稿"
            | "撰稿"
            | "文字"
            | "摄影"
            | "主题词"
            | "关键词"
            | "关键字"
            | "文件名称"
            | "信息名称"
            | "责任部门"
            // Words of a body too ("签署日期：" under a pledge's parties, "出处：" under a
            // quotation, "发布人：" of a notice board): only beside the block.
            | "签署日期"
            | "登记日期"
            | "信息时效期"
            | "发布人"
            | "出处"
            | "更新时间"
            | "更新日期"
            | "内容分类"
            // "牵头部门：", "所属栏目：" in a body; a notice on a 公开栏 asking for "公开类型：…"
            // and "公开期限：…".
            | "部门"
            | "栏目"
            | "公开类型"
            | "公开期限"
    )
}

/// The label `s` names (blanks inside it and a closing colon allowed): (label, key). A
/// bilingual label ("索引号 Index No.", the English under the Chinese) names its Chinese one.
pub fn label_of(s: &str) -> Option<(&'static str, &'static str)> {
    let squashed: String = s
        .chars()
        .filter(|c| !is_blank(*c) && !"：:[]【】".contains(*c))
        .collect();
    let find = |t: &str| LABELS.iter().find(|(l, _)| *l == t).copied();
    find(&squashed).or_else(|| {
        let han: String = squashed
            .chars()
            .filter(|c| !c.is_ascii_alphabetic() && !".'&-/".contains(*c))
            .collect();
        (han.len() < squashed.len() && !han.is_empty())
            .then(|| find(&han))
            .flatten()
    })
}

/// The keys of the labels in `text` that a colon or a closing bracket follows, none counted
/// inside another.
pub fn labelled_keys(text: &str) -> Vec<&'static str> {
    labelled(text).into_iter().map(|(_, k)| k).collect()
}

/// The (label, key) pairs of [`labelled_keys`].
pub fn labelled(text: &str) -> Vec<(&'static str, &'static str)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        match label_at(&c, i) {
            // (The 日期 inside 发文日期 is no label of its own.)
            Some((label, key, end)) if matches!(c.get(end), Some('：' | ':' | ']' | '】')) => {
                out.push((label, key));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// A label starting at `i` of `c` (blanks between its characters allowed): (label, key, end).
pub(super) fn label_at(c: &[char], i: usize) -> Option<(&'static str, &'static str, usize)> {
    LABELS.iter().find_map(|&(label, key)| {
        let mut j = i;
        for (k, lc) in label.chars().enumerate() {
            if k > 0 {
                while j < c.len() && is_blank(c[j]) && j - i < 8 {
                    j += 1;
                }
            }
            if c.get(j) != Some(&lc) {
                return None;
            }
            j += 1;
        }
        Some((label, key, j))
    })
}

/// After a label: a colon or a closing bracket (blanks before it allowed), or the end of the
/// line. Returns where the value starts.
pub(super) fn after_label(c: &[char], mut j: usize) -> Option<usize> {
    while j < c.len() && is_blank(c[j]) {
        j += 1;
    }
    match c.get(j) {
        None => Some(j),
        Some('：' | ':' | ']' | '】' | '］') => Some(j + 1),
        _ => None,
    }
}
