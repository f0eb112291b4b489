//! Trains the NER tagger shipped in `models/ner.bin`, reproducibly (same inputs and options give a
//! byte-identical model).
//!
//! ```text
//! cargo run --release --bin train_ner -- TRAIN.iob2 DEV.iob2 [--out models/ner.bin] [--epochs 15]
//!     [--rows-log2 18] [--seed 3] [--no-gazetteer] [--no-doc] [--stack-folds 5]
//! ```
//! The defaults (15 epochs, 2^18 rows, seed 3, gazetteer and document features, 5 stacking folds;
//! `--stack-folds 0` for a single stage) are the configuration of the shipped model. (The seed only
//! orders the training sentences; dev F1 varies by about ±0.1 point from seed to seed.)
//!
//! Stage 1 is trained on TRAIN for `--epochs` passes; after each one the averaged model is scored on
//! DEV (entity-level exact match, as conlleval) and the best epoch is kept. With `--stack-folds K`
//! (K > 1) a second stage is trained on top: stage-1 predictions for TRAIN come from K models each
//! trained without one fold (jackknifing), so stage 2 learns from realistic first-stage errors.
//! Only DEV is used for model selection; the CoNLL data itself is never written out.
//!
//! ```text
//! cargo run --release --bin train_ner -- --bench DEV.iob2 [--model models/ner.bin] [--repeat 3]
//! ```
//! times the shipped tagging path (features, both stages, confidences) on one thread over DEV and
//! prints tokens/s and dev F1. With `--repeat 1` it is small enough to run under
//! `valgrind --tool=callgrind`, whose instruction counts are the deterministic speed measure.

use std::process::ExitCode;
use std::time::Instant;

use copydesk::ner::features::{DocRef, Extractor, FEAT_DOC, FEAT_GAZETTEER, FEAT_STACKED};
use copydesk::ner::model::{self, Model, Stage, TYPES};
use copydesk::ner::train::{self, Perceptron, Prepared, SplitMix64, TrainDoc};

struct Args {
    train: String,
    dev: String,
    out: String,
    epochs: usize,
    rows_log2: u32,
    seed: u64,
    groups: u32,
    stack_folds: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut pos = Vec::new();
    let mut a = Args {
        train: String::new(),
        dev: String::new(),
        out: "models/ner.bin".into(),
        epochs: 15,
        rows_log2: 18,
        seed: 3,
        groups: FEAT_GAZETTEER | FEAT_DOC,
        stack_folds: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => a.out = val("--out")?,
            "--epochs" => a.epochs = val("--epochs")?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--rows-log2" => a.rows_log2 = val("--rows-log2")?.parse().map_err(|e| format!("--rows-log2: {e}"))?,
            "--seed" => a.seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--stack-folds" => {
                a.stack_folds = val("--stack-folds")?.parse().map_err(|e| format!("--stack-folds: {e}"))?
            }
            "--no-gazetteer" => a.groups &= !FEAT_GAZETTEER,
            "--no-doc" => a.groups &= !FEAT_DOC,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => pos.push(arg),
        }
    }
    if pos.len() != 2 {
        return Err("need TRAIN.iob2 and DEV.iob2".into());
    }
    if !(10..=24).contains(&a.rows_log2) || a.epochs == 0 {
        return Err("--rows-log2 must be 10..=24 and --epochs at least 1".into());
    }
    a.dev = pos.pop().unwrap_or_default();
    a.train = pos.pop().unwrap_or_default();
    Ok(a)
}

fn read(path: &str) -> Result<Vec<TrainDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    train::read_iob2(&text).map_err(|e| format!("{path}: {e}"))
}

/// Trains one stage for `epochs`, scoring on `dev` after each epoch when given; returns the best
/// stage on dev (or the last one without dev) and its epoch.
fn train_stage(
    ex: Extractor,
    data: &Prepared<'_>,
    dev: Option<(&[TrainDoc], &Prepared<'_>)>,
    epochs: usize,
    seed: u64,
    label: &str,
) -> (Stage, usize) {
    let mut p = Perceptron::new(ex);
    let mut rng = SplitMix64(seed);
    let mut best: Option<(f64, Stage, usize)> = None;
    for epoch in 1..=epochs {
        let t0 = Instant::now();
        let errors = p.epoch(data, &mut rng);
        let stage = p.averaged(8.0);
        let secs = t0.elapsed().as_secs_f64();
        match dev {
            Some((docs, prep)) => {
                let sc = train::score(docs, &prep.decode(&stage));
                let f1 = sc.overall().2;
                println!("{label} epoch {epoch:2}: {secs:5.1}s, {errors} sentence errors, dev {}", sc.summary());
                if best.as_ref().is_none_or(|b| f1 > b.0) {
                    best = Some((f1, stage, epoch));
                }
            }
            None => best = Some((0.0, stage, epoch)),
        }
    }
    let (_, stage, epoch) = best.expect("at least one epoch");
    (stage, epoch)
}

fn run(a: &Args) -> Result<(), String> {
    let t_all = Instant::now();
    let train_docs = read(&a.train)?;
    let dev_docs = read(&a.dev)?;
    let ntok = |d: &[TrainDoc]| d.iter().map(|x| x.words.len()).sum::<usize>();
    println!(
        "train: {} docs, {} tokens; dev: {} docs, {} tokens; 2^{} rows, groups {:#x}, seed {}",
        train_docs.len(),
        ntok(&train_docs),
        dev_docs.len(),
        ntok(&dev_docs),
        a.rows_log2,
        a.groups,
        a.seed
    );

    let ex1 = Extractor::new(a.rows_log2, a.groups);
    let t0 = Instant::now();
    let train1 = Prepared::new(&ex1, &train_docs, None);
    let dev1 = Prepared::new(&ex1, &dev_docs, None);
    println!("features: {:.1}s", t0.elapsed().as_secs_f64());
    let (stage1, best1) = train_stage(ex1, &train1, Some((&dev_docs, &dev1)), a.epochs, a.seed, "stage 1");
    println!("stage 1: best epoch {best1}");
    drop(train1);
    let mut stages = vec![stage1];

    if a.stack_folds > 1 {
        let k = a.stack_folds;
        let t0 = Instant::now();
        // Jackknife: stage-1 predictions on each fold from a model trained without it.
        let folds: Vec<Vec<Vec<u8>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..k)
                .map(|f| {
                    let train_docs = &train_docs;
                    scope.spawn(move || {
                        let rest: Vec<TrainDoc> =
                            train_docs.iter().enumerate().filter(|(i, _)| i % k != f).map(|(_, d)| d.clone()).collect();
                        let held: Vec<TrainDoc> =
                            train_docs.iter().enumerate().filter(|(i, _)| i % k == f).map(|(_, d)| d.clone()).collect();
                        let prep = Prepared::new(&ex1, &rest, None);
                        let (st, _) = train_stage(ex1, &prep, None, best1, a.seed, "fold");
                        drop(prep);
                        Prepared::new(&ex1, &held, None).decode(&st)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("fold thread")).collect()
        });
        // Fold f holds docs f, f + k, f + 2k, ... in order.
        let jk_pred: Vec<Vec<u8>> = (0..train_docs.len()).map(|i| folds[i % k][i / k].clone()).collect();
        let stacked_train: Vec<Vec<u8>> = jk_pred.iter().map(|t| model::coarse_types(t)).collect();
        let jk = train::score(&train_docs, &jk_pred);
        println!("jackknife ({k} folds, {:.1}s): train {}", t0.elapsed().as_secs_f64(), jk.summary());
        let stacked_dev: Vec<Vec<u8>> = dev1.decode(&stages[0]).iter().map(|t| model::coarse_types(t)).collect();
        drop(dev1);
        let ex2 = Extractor::new(a.rows_log2, a.groups | FEAT_STACKED);
        let train2 = Prepared::new(&ex2, &train_docs, Some(&stacked_train));
        let dev2 = Prepared::new(&ex2, &dev_docs, Some(&stacked_dev));
        let (stage2, best2) =
            train_stage(ex2, &train2, Some((&dev_docs, &dev2)), a.epochs, a.seed.wrapping_add(1), "stage 2");
        println!("stage 2: best epoch {best2}");
        stages.push(stage2);
    }

    let mut m = Model { stages };
    let temp = train::calibrate(&m, &dev_docs);
    if let Some(last) = m.stages.last_mut() {
        last.temperature = temp;
    }
    println!("confidence temperature: {temp}");
    let bytes = m.to_bytes();
    let m = Model::from_bytes(&bytes)?;

    // The shipped path: features + decoding, one thread, whole documents.
    let t0 = Instant::now();
    let mut pred = Vec::with_capacity(dev_docs.len());
    for d in &dev_docs {
        let words = d.word_refs();
        pred.push(m.decode(DocRef { words: &words, sentences: &d.sentences }).tags);
    }
    let secs = t0.elapsed().as_secs_f64();
    let sc = train::score(&dev_docs, &pred);
    println!("dev (shipped model): {}", sc.summary());
    for (k, name) in TYPES.iter().enumerate() {
        let (p, r, f) = sc.of(k);
        println!("  {name:5} P={p:.4} R={r:.4} F1={f:.4} (gold {}, predicted {})", sc.gold[k], sc.pred[k]);
    }
    println!(
        "tagging speed: {:.0} tokens/s on one thread ({} tokens in {secs:.2}s)",
        ntok(&dev_docs) as f64 / secs,
        ntok(&dev_docs)
    );

    if let Some(dir) = std::path::Path::new(&a.out).parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&a.out, &bytes).map_err(|e| format!("{}: {e}", a.out))?;
    println!("wrote {} ({} bytes); total {:.1}s", a.out, bytes.len(), t_all.elapsed().as_secs_f64());
    Ok(())
}

/// `--bench DEV.iob2 [--model FILE] [--repeat N]`: tagging speed and F1 of a model on DEV.
fn bench(args: &[String]) -> Result<(), String> {
    let (mut dev, mut model_path, mut repeat) = (None, None, 3usize);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut val = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--model" => model_path = Some(val("--model")?),
            "--repeat" => repeat = val("--repeat")?.parse().map_err(|e| format!("--repeat: {e}"))?,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => dev = Some(arg.clone()),
        }
    }
    let docs = read(&dev.ok_or("--bench needs DEV.iob2")?)?;
    let m = match model_path {
        Some(p) => Model::from_bytes(&std::fs::read(&p).map_err(|e| format!("{p}: {e}"))?)?,
        None => copydesk::ner::model().ok_or("no model compiled in")?.clone(),
    };
    let words: Vec<Vec<&str>> = docs.iter().map(TrainDoc::word_refs).collect();
    let ntok: usize = docs.iter().map(|d| d.words.len()).sum();
    let mut best = f64::INFINITY;
    let mut pred = Vec::new();
    for _ in 0..repeat.max(1) {
        let t0 = Instant::now();
        // The library's path: tags plus per-token confidences (what `ner::tag` uses).
        pred = docs
            .iter()
            .zip(&words)
            .map(|(d, w)| m.decode(DocRef { words: w, sentences: &d.sentences }).tags)
            .collect::<Vec<_>>();
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!("dev: {}", train::score(&docs, &pred).summary());
    println!(
        "tagging speed: {:.0} tokens/s on one thread ({ntok} tokens, best of {repeat}: {best:.3}s)",
        ntok as f64 / best
    );
    Ok(())
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().is_some_and(|a| a == "--bench") {
        return match bench(&argv[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("train_ner: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("train_ner: {e}");
            }
            eprintln!(
                "usage: train_ner TRAIN.iob2 DEV.iob2 [--out models/ner.bin] [--epochs N] [--rows-log2 R] \
                 [--seed S] [--no-gazetteer] [--no-doc] [--stack-folds K]"
            );
            ExitCode::FAILURE
        }
    }
}
