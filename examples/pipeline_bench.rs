//! Runs the pipeline over a fixed corpus, up to a chosen stage, for profiling with instruction
//! counts (`valgrind --tool=callgrind`): the difference between two stages is that stage's cost.
//!
//!     cargo build --release --example pipeline_bench
//!     valgrind --tool=callgrind target/release/examples/pipeline_bench CORPUS [STAGE] [STRIDE]
//!
//! CORPUS is a file of texts separated by NUL bytes. STAGE is one of `read`, `clean`, `segment`,
//! `entities`, `coref`, `quotes` (the whole of `copydesk::analyze`, the default), `html` (HTML
//! main-content extraction and metadata: CORPUS then holds pages) or `dump` (the whole pipeline,
//! printing every Article with `{:?}` so two builds can be diffed). STRIDE keeps every STRIDE-th
//! text (default 1).
//!
//! 50 texts run once before the measured pass, so that one-time work (compiling the regexes,
//! loading the model) falls outside it. With a STRIDE above 1 they are texts the measured pass
//! skips (the one after each of its first 50), so that what a thread keeps from document to
//! document (the tagger's word sums) is warm, as in a long batch, but holds nothing of the
//! measured texts themselves; with STRIDE 1 they are its first 50. Collect only the measured
//! pass with
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=pipeline_bench::measure ...`.

use copydesk::{clean, coref, entities, quotes, segment};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: pipeline_bench CORPUS [STAGE] [STRIDE]");
    let stage = args.get(2).map_or("quotes", String::as_str);
    let stride: usize = args.get(3).map_or(1, |s| s.parse().expect("STRIDE is a number"));
    let corpus = std::fs::read_to_string(path).expect("readable corpus");
    let texts: Vec<&str> = corpus.split('\0').step_by(stride).collect();
    if stage != "dump" {
        let warm: Vec<&str> = corpus.split('\0').skip(stride.min(2) - 1).step_by(stride).take(50).collect();
        for t in warm {
            run(t, stage);
        }
    }
    let checksum = measure(&texts, stage);
    eprintln!("{} texts, stage {stage}, checksum {checksum}", texts.len());
}

#[inline(never)]
fn measure(texts: &[&str], stage: &str) -> usize {
    texts.iter().map(|t| run(t, stage)).sum()
}

/// Runs the stages up to `stage` on one text and returns a number that depends on the results,
/// so that no stage can be optimised away.
fn run(text: &str, stage: &str) -> usize {
    if stage == "read" {
        return text.len();
    }
    if stage == "html" {
        let page = copydesk::html::extract(text);
        return page.cleaned.text.len() + page.metadata.authors.len();
    }
    if stage == "dump" {
        println!("{:?}", copydesk::analyze(text));
        return 0;
    }
    let c = clean::clean(text);
    if stage == "clean" {
        return c.text.len() + c.removed.len();
    }
    let tokens = segment::tokenize(&c.text);
    let sentences = segment::sentences(&c.text, &tokens, &c.paragraphs);
    if stage == "segment" {
        return tokens.len() + sentences.len();
    }
    let mentions = entities::find_mentions(&c.text, &tokens, &sentences);
    if stage == "entities" {
        return mentions.len();
    }
    let (mentions, ents) = coref::group_with_tokens(&c.text, &tokens, mentions);
    if stage == "coref" {
        return mentions.len() + ents.len();
    }
    assert_eq!(stage, "quotes", "unknown stage {stage}");
    quotes::find_quotes(&c.text, &tokens, &sentences, &c.paragraphs, &mentions, &ents).len()
}
