//! A saved portal page (`.html`/`.htm`) into text lines. The page is decoded by its declared
//! charset (GBK pages are common) or by detection, parsed with a real HTML parser
//! (`scraper`/html5ever), and the article is found by its text, not by one portal's class
//! names: the element that holds the most sentence text outside links is the body; the
//! page's heading (the part of `<title>` that stands as an element above it) starts the
//! region. The 信息公开 block (an element naming several of its labels) is kept wherever it
//! stands. Menus, scripts and forms never reach the lines; the rest of the furniture is
//! removed from the lines by [`super::furniture`]. A saved WeChat article is read by its own
//! structure instead (`wechat`).

mod after;
mod depth;
mod find;
mod texts;
mod wechat;
mod writer;

use std::collections::HashSet;

use ego_tree::{NodeId, NodeRef};
use encoding_rs::{Encoding, GB18030, GBK};
use scraper::{Html, Node};

use crate::gongwen::decode;
pub use depth::MAX_DEPTH;
use depth::markup_depth;
use find::{body_node, heading_node, last_heading_before, meta_node, page_title};
use texts::Texts;
use writer::Writer;

/// Decodes a saved page: the charset its `<meta>` declares, else detection.
pub fn decode_page(bytes: &[u8]) -> (String, &'static str) {
    if let Some(enc) = declared(bytes) {
        let enc = if enc == GBK { GB18030 } else { enc };
        let (text, _, _) = enc.decode(bytes);
        let name = if enc == GB18030 { "GBK" } else { enc.name() };
        return (text.replace("\r\n", "\n").replace('\r', "\n"), name);
    }
    let d = decode::decode(bytes);
    (d.text, d.encoding)
}

/// The encoding named by `charset=` in the first 4 KiB.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// The text lines of a saved page: a WeChat article's by [`read_page`], else the 信息公开
/// block, then the article from its heading to the end of its body.
pub fn page_text(html: &str) -> String {
    read_page(html).map(|(t, _)| t).unwrap_or_default()
}

/// The text lines of a saved page (see [`page_text`]), and whether the page is a WeChat
/// article, read by its own structure; `None` for a page nested deeper than [`MAX_DEPTH`].
pub fn read_page(html: &str) -> Option<(String, bool)> {
    // (The parser itself takes time quadratic in the nesting: 100,000 levels took 36 s.)
    if markup_depth(html) > 4 * MAX_DEPTH {
        return None;
    }
    let doc = Html::parse_document(html);
    let texts = Texts::new(&doc);
    if texts.too_deep {
        return None;
    }
    if let Some(text) = wechat::article(&doc, &texts) {
        return Some((text, true));
    }
    Some((portal_text(&doc, &texts), false))
}

/// The lines of a portal's page: the 信息公开 block, then the article from its heading to the
/// end of its body.
fn portal_text(doc: &Html, texts: &Texts) -> String {
    let Some(body) = body_node(doc, texts) else {
        return String::new();
    };
    let (block, pairs) = meta_node(doc, texts);
    // The `<title>`'s first part when it names the article (an organ's name, "某县应急管理局",
    // or "查看信息-某县政府信息公开" name the site); without it, the heading is the last one
    // above the body.
    let titled = page_title(doc)
        .map(|t| t.split(['_', '|', '｜']).next().unwrap_or("").to_string())
        .filter(|first| first.chars().count() >= 6 && !find::is_site_title(first));
    let heading = heading_node(doc, texts, body).or_else(|| {
        titled
            .is_none()
            .then(|| last_heading_before(doc, texts, body))
            .flatten()
    });
    let mut w = Writer::new(texts);
    let region = match heading {
        Some(h) => common_ancestor(doc, h, body),
        None => body,
    };
    // The block goes first unless the region written below (from the heading to the end of
    // the body, in document order) holds it.
    let order = |id: NodeId| texts.order(id);
    let from = order(heading.unwrap_or(body));
    let to = texts.last(body);
    // A block of two (with its 索引号) only outside the article, whose text may cite one.
    // (An element around the heading holds the article: it is not outside.)
    let outside = |m: &NodeId| texts.last(*m) < from || order(*m) > to;
    // A short article's whole table may name three labels (its 信息公开 line among the rows):
    // an element holding the body is the article, not the block, whose line the region holds.
    let block = block.filter(|m| !texts.holds(*m, body));
    let meta = block.or_else(|| pairs.into_iter().rev().find(outside));
    if let Some(m) = meta
        && !(from..=to).contains(&order(m))
        && let Some(n) = doc.tree.get(m)
    {
        w.node(n);
    }
    if let Some(n) = doc.tree.get(region) {
        let from = heading.unwrap_or(body);
        let mut state = Range {
            from,
            to: body,
            started: false,
            ended: false,
        };
        state.walk(n, &mut w);
    }
    // A date line printed only under the body, as old table-laid pages do.
    if let Some(l) = after::date_line(doc, texts, to, &w.lines) {
        w.lines.push(l);
    }
    // Files offered to download after the body ("附件1.某某清单.docx"), as a pasted page
    // lists them under the document: its attachments may be only those files.
    w.lines.extend(
        doc.tree
            .root()
            .descendants()
            .skip_while(|n| order(n.id()) <= to)
            .filter(|n| find::name(n) == Some("a"))
            .map(|n| texts.text(&n).to_string())
            .filter(|t| super::furniture::names_file(t)),
    );
    if heading.is_none()
        && let Some(first) = titled
        && !texts
            .text(&doc.tree.get(body).expect("found"))
            .contains(&first)
    {
        w.lines.insert(0, first);
    }
    w.lines.join("\n")
}

fn common_ancestor(doc: &Html, a: NodeId, b: NodeId) -> NodeId {
    let Some(na) = doc.tree.get(a) else { return b };
    let chain: HashSet<NodeId> = std::iter::once(a)
        .chain(na.ancestors().map(|n| n.id()))
        .collect();
    doc.tree
        .get(b)
        .into_iter()
        .flat_map(|nb| std::iter::once(nb).chain(nb.ancestors()))
        .map(|n| n.id())
        .find(|id| chain.contains(id))
        .unwrap_or(b)
}

/// Writes the nodes from `from` to the end of `to`, in document order.
struct Range {
    from: NodeId,
    to: NodeId,
    started: bool,
    ended: bool,
}

impl Range {
    fn walk(&mut self, n: NodeRef<Node>, w: &mut Writer) {
        if self.ended {
            return;
        }
        if n.id() == self.from {
            self.started = true;
        }
        if self.started {
            w.node(n);
            if n.id() == self.to || n.descendants().any(|d| d.id() == self.to) {
                self.ended = true;
            }
            return;
        }
        for c in n.children() {
            self.walk(c, w);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn site_titles_are_not_headings() {
        use super::find::is_site_title as site;
        assert!(site("某区人民政府"));
        assert!(site("碧溪县应急管理局"));
        assert!(site("查看信息-汉岭县政府信息公开"));
        assert!(!site("消防宣传走进加油站"));
        assert!(!site("某镇开展燃气安全检查"));
    }

    use super::*;

    #[test]
    fn article_heading_meta_and_tables() {
        let page = r#"<html><head><meta charset="utf-8"><title>外山乡人民政府关于开展安全宣传的通知_永春县人民政府</title></head>
<body><div class="top"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政务服务</a></div>
<table class="xxgk"><tr><th>索引号</th><td>001-2024-3</td><th>发布机构</th><td>外山乡人民政府</td></tr>
<tr><td>文号：</td><td>永外政〔2024〕3号</td><td>成文日期：</td><td>2024-03-01</td></tr></table>
<div class="main"><h1>外山乡人民政府关于开展安全宣传的通知</h1><div class="info">发布时间：2024-03-04 <span>【字体：大 中 小】</span></div>
<div class="con"><p>各村委会：</p><p>　　请认真组织宣传，确保宣传覆盖到每一家生产经营单位，营造浓厚的安全生产氛围。</p>
<table><tr><td>单位</td><td>份数</td></tr><tr><td>甲村</td><td>4</td></tr></table>
<p style="text-align:right">外山乡人民政府<br>2024年3月1日</p></div></div>
<div class="foot">主办单位：外山乡人民政府 网站标识码：3505250000</div><script>var a="不要";</script></body></html>"#;
        let text = page_text(page);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines[0], "索引号： 001-2024-3 发布机构： 外山乡人民政府");
        assert_eq!(lines[1], "文号： 永外政〔2024〕3号 成文日期： 2024-03-01");
        assert_eq!(lines[2], "外山乡人民政府关于开展安全宣传的通知");
        assert!(lines.contains(&"| 单位 | 份数 |"), "{lines:?}");
        assert!(lines.contains(&"外山乡人民政府"));
        assert_eq!(lines.last(), Some(&"2024年3月1日"));
        assert!(
            !text.contains("不要") && !text.contains("网站标识码") && !text.contains("政务服务")
        );
    }

    #[test]
    fn a_block_of_rows_with_an_empty_cell_is_read_whole() {
        // The row "责任部门: [empty] 发文日期: …" is not the block on its own.
        let page = r#"<html><body><div class="detail"><div class="xxgk-info">
<div class="row"><span class="lb">索 引 号:</span> <span class="val">thdn307/2024-00087</span> <span class="lb">分 类:</span> <span class="val">规范性文件</span></div>
<div class="row"><span class="lb">责任部门:</span> <span class="val"></span> <span class="lb">发文日期:</span> <span class="val">2024年05月20日</span></div>
<div class="row"><span class="lb">公开方式:</span> <span class="val">主动公开</span></div></div>
<h1>关于开展某镇汛期安全隐患大排查的通知</h1><div class="con"><p>各村（居）委会：</p><p>　　为全面排查整治汛期各类安全隐患，确保人民群众生命财产安全，经镇党委、政府研究，现将有关事项通知如下。</p><p>某镇人民政府</p><p>2024年5月20日</p></div></div></body></html>"#;
        let text = page_text(page);
        assert!(text.contains("thdn307/2024-00087"), "{text}");
        assert!(text.contains("主动公开"), "{text}");
    }

    #[test]
    fn a_block_of_two_items_with_the_index_number_outside_the_article() {
        // holdout22 yn_slogans_list: "索引号" and an empty "发布机构" above the article.
        let page = r#"<html><body><div class="detail"><ul class="xxgk-meta">
<li><span class="lb">索引号:</span> <span class="val">750712406/2024-00037</span></li>
<li><span class="lb">发布机构:</span> <span class="val"></span></li></ul>
<div class="article"><h2>弥苴市2024年“安全生产月”宣传标语</h2><div class="con"><p>今年6月是第23个全国“安全生产月”，为营造浓厚的安全生产宣传氛围，编印了以下宣传标语。</p><p>1.人人讲安全，个个会应急</p><p>2.畅通生命通道，守护万家平安</p></div></div></div></body></html>"#;
        assert!(page_text(page).contains("750712406/2024-00037"));
        // Two labels without the 索引号 are no block (a plan's "活动名称 … 活动时间 …").
        let page = page.replace("索引号:", "标题:");
        assert!(!page_text(&page).contains("750712406/2024-00037"));
        // Found by the review: a related document's 索引号 in the article does not take the
        // place of the page's block.
        let page = r#"<html><body><div class="xxgk"><table>
<tr><td>索引号：</td><td>620121-001/2024-00031</td><td>发布机构：</td><td>郭岔镇人民政府</td></tr>
<tr><td>成文日期：</td><td>2024-05-20</td><td>公开方式：</td><td>主动公开</td></tr></table></div>
<div class="article"><h1>郭岔镇人民政府关于印发郭岔镇防汛抗旱应急预案的通知</h1><div class="content">
<p>各村民委员会、镇直各单位：</p><p>现将《郭岔镇防汛抗旱应急预案》印发给你们，请认真组织实施。</p>
<div class="ref"><p>相关文件：郭岔镇突发事件总体应急预案</p><p>索引号：620121-001/2023-00012</p><p>发布日期：2023-03-01</p></div>
<p>郭岔镇人民政府</p><p>2024年5月20日</p></div></div></body></html>"#;
        let text = page_text(page);
        assert!(
            text.contains("620121-001/2024-00031") && text.contains("主动公开"),
            "{text}"
        );
        // With a block of two above the article, the article's citation is still not it.
        let page = page.replace(
            "<tr><td>成文日期：</td><td>2024-05-20</td><td>公开方式：</td><td>主动公开</td></tr>",
            "",
        );
        assert!(
            page_text(&page).starts_with("索引号"),
            "{}",
            page_text(&page)
        );
    }

    #[test]
    fn gbk_page_by_its_meta() {
        let (bytes, _, _) = GBK.encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>安全生产</p></body></html>");
        let (text, enc) = decode_page(&bytes);
        assert!(text.contains("安全生产"));
        assert_eq!(enc, "GBK");
    }
}
