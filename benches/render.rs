//! Screen speed: one frame of a long article, a key press through to the
//! next frame, rewrapping on resize, and a frame of each list screen.

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

/// One frame of each list screen holding `n` rows, at 200×60.
fn lists(c: &mut Criterion) {
    use sayso::app::feed::FeedView;
    use sayso::app::library::LibraryView;
    use sayso::ingest::feed::{Feed, Story};
    use sayso::store::{ArticleId, ArticleSummary};

    let Ok(config) = Config::defaults() else { panic!("the built-in config is broken") };
    let n = 1000;
    let area = Rect::new(0, 0, 200, 60);
    let mut group = c.benchmark_group("lists");
    let mut library = LibraryView::new(config.clone());
    library.articles = (0..n)
        .map(|i: usize| ArticleSummary {
            id: ArticleId(format!("{i:016x}")),
            title: Some(format!("Council delays harbour vote after residents protest, part {i}")),
            source: Some(format!("https://news.example/harbour/{i}")),
            published: i.is_multiple_of(2).then(|| "2026-03-14T08:30:00Z".to_owned()),
            site: None,
            added: 1_770_000_000,
            opened: 1_770_000_000,
            speakers: i % 7,
            attributions: i % 31,
            notes: i % 3,
        })
        .collect();
    library.cursors[0].selected = n / 2;
    library.settle(area);
    let mut buf = Buffer::empty(area);
    group.bench_function(format!("library view frame, {n} articles, 200x60"), |b| {
        b.iter(|| {
            buf.reset();
            library.draw(&mut buf);
        });
    });
    let story = |i: usize| Story {
        title: format!("Ferry fares to rise by eight per cent in April, story {i}"),
        date: Some("2026-03-13 16:05".to_owned()),
        link: Some(format!("https://news.example/ferry/{i}")),
        feed: "The Harbour Gazette".to_owned(),
        byline: None,
        content_included: i.is_multiple_of(2),
        body: None,
    };
    let feed = Feed {
        title: "The Harbour Gazette".to_owned(),
        source: "x".to_owned(),
        items: (0..n).map(story).collect(),
    };
    let mut view = FeedView::new(&[feed]);
    view.cursor.selected = n / 2;
    view.settle(area);
    group.bench_function(format!("feed list frame, {n} stories, 200x60"), |b| {
        b.iter(|| {
            buf.reset();
            view.draw(&config, &mut buf);
        });
    });
    group.finish();
}

criterion_group!(benches, render, lists);
criterion_main!(benches);
