//! Reader speed: one frame of a long article, a key press through to the
//! next frame, and rewrapping on resize.

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use sayso::app::{Msg, State, update};
use sayso::config::Config;
use sayso::{fixture, tui};

/// Words in the long article.
const WORDS: usize = 20_000;

fn long_reader(w: u16, h: u16) -> State {
    let Ok(config) = Config::defaults() else { panic!("the built-in config is broken") };
    let doc = fixture::long_document(WORDS);
    let mut state = State::with_document(config, doc, Rect::new(0, 0, w, h));
    // Somewhere in the middle, with a current quote and a search lit up.
    state.scroll = state.max_scroll() / 2;
    let _ = fixture::press(&mut state, "] ] / s t o r m enter");
    state
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for (w, h) in [(100, 30), (200, 60)] {
        let state = long_reader(w, h);
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        group.bench_function(format!("frame of {WORDS} words at {w}x{h}"), |b| {
            b.iter(|| {
                buf.reset();
                tui::draw(&state, &mut buf);
            });
        });
    }

    let mut state = long_reader(100, 30);
    let Ok(mut terminal) = Terminal::new(TestBackend::new(100, 30));
    let mut down = true;
    group.bench_function("key to frame (j/k, then draw and diff)", |b| {
        b.iter(|| {
            let code = if down { KeyCode::Char('j') } else { KeyCode::Char('k') };
            down = !down;
            if update(&mut state, Msg::Key(KeyEvent::from(code))) {
                let _ = terminal.draw(|f| tui::render(&state, f));
            }
        });
    });
    group.bench_function("key to frame (n: next quote, then draw and diff)", |b| {
        b.iter(|| {
            if !update(&mut state, Msg::Key(KeyEvent::from(KeyCode::Char('n')))) {
                let _ = fixture::press(&mut state, "g");
            }
            let _ = terminal.draw(|f| tui::render(&state, f));
        });
    });

    let mut wide = true;
    group.sample_size(20);
    group.bench_function(format!("rewrap {WORDS} words on resize"), |b| {
        b.iter(|| {
            wide = !wide;
            update(&mut state, Msg::Resize(if wide { 100 } else { 90 }, 30))
        });
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
