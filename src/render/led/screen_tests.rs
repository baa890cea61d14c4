use super::*;
use crate::render::led::screen::{Effect, Encoding};
use serde_json::json;

fn parse(v: serde_json::Value) -> (Vec<Screen>, Vec<String>) {
    let locate = |key: &str| (key.len(), 1);
    let (s, d) = parse_screens(Some(&v), "content/campaign.yaml", &locate);
    (s, d.iter().map(|d| d.to_string()).collect())
}

#[test]
fn defaults_are_a_p10_door_screen() {
    let (s, d) = parse_screens(None, "content/campaign.yaml", &|_| (0, 0));
    assert!(d.is_empty());
    assert_eq!(
        (s[0].cols, s[0].rows, s[0].effect, s[0].encoding),
        (16, 1, Effect::Static, Encoding::Gbk)
    );
    let (s, d) = parse(json!({"screens": [{"id": "a"}]}));
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        (s[0].cols, s[0].rows, s[0].name.as_str(), s[0].max_parts),
        (16, 1, "a", 3)
    );
    assert_eq!(
        (s[0].read_cps, s[0].min_seconds, s[0].lead_seconds),
        (3.0, 3.0, 1.0)
    );
}

#[test]
fn pixels_give_columns() {
    let (s, d) = parse(
        json!({"screens": [{"id": "p4", "width_px": 480, "height_px": 240, "font_px": 48},
                                          {"id": "b", "宽度": 128, "高度": 32, "特效": "上移"}]}),
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!((s[0].cols, s[0].rows), (10, 5));
    assert_eq!(
        (s[1].cols, s[1].rows, s[1].font_px, s[1].effect),
        (8, 2, Some(16), Effect::MoveUp)
    );
}

#[test]
fn mistakes_are_located_and_explained() {
    let (s, d) = parse(json!({"screens": [
        {"id": "a", "width_px": 256, "height_px": 16, "cols": 12},
        {"id": "B 屏", "effect": "blink", "encoding": "big5", "colour": "red"},
        {"id": "c", "effect": "scroll_left", "scroll_cps": 5},
        {"id": "c"},
        "door",
    ]}));
    assert!(s.is_empty(), "{s:?}");
    let all = d.join("\n");
    for needle in [
        "cols/rows 与像素不符",
        "屏幕编号“B 屏”不合规",
        "未知的特效“blink”",
        "未知的编码“big5”",
        "未知的屏幕配置项“colour”",
        "滚动速度 5 字/秒快于阅读速度 3 字/秒",
        "屏幕编号“c”重复",
        "屏幕配置应为“键: 值”形式的映射",
    ] {
        assert!(all.contains(needle), "{needle} in\n{all}");
    }
    assert!(all.contains("content/campaign.yaml:"), "{all}");
    assert!(all.contains("修改建议"), "{all}");
}
