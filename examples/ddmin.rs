use envreport::lexicon::Lexicon;
use envreport::normalize::normalize;
fn bad(s: &str) -> bool {
    let lex = Lexicon::builtin();
    let a = normalize(s, lex).text;
    normalize(&a, lex).text != a
}
fn main() {
    let input: &str = "护察)?余H件升米×\u{200b}页}八环\u{b}\n保十达五\u{202e}\0扫省😀在2平扫，家\u{feff}件元組项×5方𠀀微（/s近\n持v八打₂\r^₂\u{200b}Ⱥ𥵧共2\u{202e}三ǎ）*打\u{7f}E𠀀\u{1b}|护排*\0０一\n微\u{feff}０（Z\0为二万\u{feff}\u{6eb85}零）亩*~×5\u{7f}P\u{10ffff}H\0克省三5年元𨩨三零位零\u{7f}|\u{3000}，²*4𠀀千國当良ü.（~八*環)Ⅲ〇%\n优D\u{4ce6c}“\u{67908}优是3（🕴排打立×亿亩平\u{feff}年０同\0次境四（𠀀五二\u{7}达在①\u{10ffff}M0";
    let mut v: Vec<char> = input.chars().collect();
    assert!(bad(&v.iter().collect::<String>()));
    let mut changed = true;
    while changed {
        changed = false;
        for n in [16, 8, 4, 2, 1] {
            let mut i = 0;
            while i < v.len() {
                let mut t = v.clone();
                t.drain(i..(i + n).min(v.len()));
                if bad(&t.iter().collect::<String>()) {
                    v = t;
                    changed = true;
                } else {
                    i += 1;
                }
            }
        }
    }
    let s: String = v.iter().collect();
    let lex = Lexicon::builtin();
    let a = normalize(&s, lex).text;
    println!("{s:?}\n{a:?}\n{:?}", normalize(&a, lex).text);
}
