//! The arc-hybrid transition system and its dynamic oracle.
//!
//! A parser state is a stack (the root at its bottom), a buffer of the
//! words still to read, and the arcs made so far. Three kinds of move:
//! SHIFT pushes the first buffer word; LEFT makes the first buffer word
//! the head of the stack top and pops it; RIGHT makes the word below the
//! stack top its head and pops it. The root takes exactly one dependent,
//! and only once every word has been read, so every parse is one tree.
//!
//! The oracle says what each move costs — how many arcs of the gold tree
//! become unreachable — from any state, so training can learn to recover
//! from its own mistakes (Goldberg and Nivre's dynamic oracle). Costs are
//! exact for projective gold trees.

use super::relations::{RELATIONS, Relation};

/// Number of relations.
const N_RELATIONS: usize = RELATIONS.len();

/// Number of moves a model scores: SHIFT, then LEFT and RIGHT with each relation.
pub const N_MOVES: usize = 1 + 2 * N_RELATIONS;

/// No node: an absent child or head.
pub const NONE: u32 = u32::MAX;

/// A move of the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the first buffer word onto the stack.
    Shift,
    /// The first buffer word becomes the head of the stack top, with this relation.
    Left(Relation),
    /// The word below the stack top becomes its head, with this relation.
    Right(Relation),
}

impl Move {
    /// The move's class index in the model (see [`N_MOVES`]).
    #[must_use]
    pub fn class(self) -> usize {
        match self {
            Self::Shift => 0,
            Self::Left(r) => 1 + usize::from(r.0),
            Self::Right(r) => 1 + N_RELATIONS + usize::from(r.0),
        }
    }

    /// The move of a class index.
    #[must_use]
    pub fn of_class(class: usize) -> Self {
        let rel = |i: usize| Relation(u8::try_from(i).unwrap_or(Relation::DEP.0));
        match class {
            0 => Self::Shift,
            c if c <= N_RELATIONS => Self::Left(rel(c - 1)),
            c => Self::Right(rel((c - 1 - N_RELATIONS).min(N_RELATIONS - 1))),
        }
    }

    /// The label of the move's class, as written in model files.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Shift => "shift".to_owned(),
            Self::Left(r) => format!("left:{}", r.as_str()),
            Self::Right(r) => format!("right:{}", r.as_str()),
        }
    }
}

/// What the parser knows about one node (the root is node 0, word `k` is node `k + 1`).
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// The head node, or [`NONE`].
    pub head: u32,
    /// The relation to the head (meaningless without one).
    pub relation: Relation,
    /// Leftmost and second-leftmost dependents, or [`NONE`].
    pub left: [u32; 2],
    /// Rightmost and second-rightmost dependents, or [`NONE`].
    pub right: [u32; 2],
    /// Number of dependents on the left and on the right.
    pub valency: [u16; 2],
    /// The relations of the dependents on the left and on the right, one bit each.
    pub relations: [u64; 2],
}

impl Default for Node {
    fn default() -> Self {
        Self {
            head: NONE,
            relation: Relation::DEP,
            left: [NONE; 2],
            right: [NONE; 2],
            valency: [0; 2],
            relations: [0; 2],
        }
    }
}

/// A parser state over a sentence of `n` words.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Node indices, the root first.
    pub stack: Vec<u32>,
    /// The first buffer node; the buffer is empty past the last word.
    pub next: u32,
    /// Every node, the root first.
    pub nodes: Vec<Node>,
}

impl State {
    /// Start parsing a sentence of `n` words (the buffer of a reused state's memory).
    pub fn reset(&mut self, n: usize) {
        self.stack.clear();
        self.stack.push(0);
        self.next = 1;
        self.nodes.clear();
        self.nodes.resize(n + 1, Node::default());
    }

    /// Number of words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len().saturating_sub(1)
    }

    /// True when the sentence has no words.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True while the buffer holds words.
    #[must_use]
    pub fn buffer_has_words(&self) -> bool {
        (self.next as usize) < self.nodes.len()
    }

    /// True when every word has its head.
    #[must_use]
    pub fn is_final(&self) -> bool {
        !self.buffer_has_words() && self.stack.len() <= 1
    }

    /// The `k`-th node from the stack top (0 is the top), or [`NONE`].
    #[must_use]
    pub fn stack_at(&self, k: usize) -> u32 {
        self.stack.len().checked_sub(k + 1).map_or(NONE, |i| self.stack[i])
    }

    /// The `k`-th buffer node (0 is the first), or [`NONE`].
    #[must_use]
    pub fn buffer_at(&self, k: u32) -> u32 {
        let i = self.next.saturating_add(k);
        if (i as usize) < self.nodes.len() { i } else { NONE }
    }

    /// True when `m` can be made now.
    #[must_use]
    pub fn is_legal(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.buffer_has_words(),
            Move::Left(r) => self.stack.len() >= 2 && self.buffer_has_words() && r != Relation::ROOT,
            Move::Right(r) => {
                self.stack.len() >= 2
                    && if self.stack_at(1) == 0 {
                        r == Relation::ROOT && !self.buffer_has_words()
                    } else {
                        r != Relation::ROOT
                    }
            }
        }
    }

    /// Make a legal move (an illegal one is ignored).
    pub fn apply(&mut self, m: Move) {
        if !self.is_legal(m) {
            return;
        }
        match m {
            Move::Shift => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Move::Left(r) => {
                if let Some(d) = self.stack.pop() {
                    self.attach(self.next, d, r);
                }
            }
            Move::Right(r) => {
                if let Some(d) = self.stack.pop() {
                    let h = self.stack_at(0);
                    self.attach(h, d, r);
                }
            }
        }
    }

    fn attach(&mut self, h: u32, d: u32, r: Relation) {
        let dep = &mut self.nodes[d as usize];
        dep.head = h;
        dep.relation = r;
        let head = &mut self.nodes[h as usize];
        // Arc-hybrid attaches left dependents from the nearest outwards, and
        // right dependents from left to right: the newest is the outermost.
        let side = usize::from(d > h);
        if side == 0 {
            head.left = [d, head.left[0]];
        } else {
            head.right = [d, head.right[0]];
        }
        head.valency[side] = head.valency[side].saturating_add(1);
        head.relations[side] |= 1 << r.0;
    }
}

/// The gold tree of a sentence, for the oracle: per node, the head node
/// (node 0, the root, has none) and the relation.
#[derive(Debug, Clone, Copy)]
pub struct Gold<'a> {
    /// Head node of every node (index 0 is ignored).
    pub heads: &'a [u32],
    /// Relation of every node (index 0 is ignored).
    pub relations: &'a [Relation],
}

impl Gold<'_> {
    /// Number of gold dependents of `h` among the nodes `from..` (the buffer).
    fn dependents_in_buffer(&self, h: u32, from: u32) -> u32 {
        let n = self.heads.iter().skip(from as usize).filter(|&&x| x == h).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// The cost of each move in `state`: arcs of the gold tree it makes
    /// unreachable (plus one for a right head with a wrong relation);
    /// illegal moves cost `u32::MAX`.
    pub fn costs(&self, state: &State, costs: &mut [u32; N_MOVES]) {
        costs.fill(u32::MAX);
        let head = |x: u32| self.heads.get(x as usize).copied().unwrap_or(NONE);
        let relation = |x: u32| self.relations.get(x as usize).copied().unwrap_or(Relation::DEP);
        let s0 = state.stack_at(0);
        let s1 = state.stack_at(1);
        let b = state.next;
        let in_buffer = |x: u32| x != NONE && x >= b && (x as usize) < state.nodes.len();
        if state.is_legal(Move::Shift) {
            // b loses a head deeper in the stack and its dependents on the stack.
            let lost_head = state.stack.iter().any(|&k| k != s0 && head(b) == k);
            let lost_deps = state.stack.iter().filter(|&&k| head(k) == b).count();
            costs[0] = u32::from(lost_head) + u32::try_from(lost_deps).unwrap_or(u32::MAX);
        }
        if state.stack.len() >= 2 {
            let deps = self.dependents_in_buffer(s0, b);
            let h = head(s0);
            if state.buffer_has_words() {
                // s0 gets b as its head: it loses a head at s1 or further in the buffer.
                let lost_head = h != b && (h == s1 || in_buffer(h));
                let base = u32::from(lost_head) + deps;
                for r in 0..N_RELATIONS {
                    let m = Move::Left(Relation(u8::try_from(r).unwrap_or(0)));
                    if state.is_legal(m) {
                        costs[m.class()] = base + u32::from(h == b && relation(s0) != Relation(r as u8));
                    }
                }
            }
            let base = u32::from(in_buffer(h)) + deps;
            for r in 0..N_RELATIONS {
                let m = Move::Right(Relation(u8::try_from(r).unwrap_or(0)));
                if state.is_legal(m) {
                    costs[m.class()] = base + u32::from(h == s1 && relation(s0) != Relation(r as u8));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(name: &str) -> Relation {
        Relation::parse(name).expect("known relation")
    }

    /// Follow the oracle's cheapest move from the start; the parse must be the gold tree.
    fn follow_oracle(heads: &[u32], relations: &[Relation]) -> State {
        let gold = Gold { heads, relations };
        let mut state = State::default();
        state.reset(heads.len() - 1);
        let mut costs = [0; N_MOVES];
        while !state.is_final() {
            gold.costs(&state, &mut costs);
            let best = (0..N_MOVES).min_by_key(|&c| costs[c]).expect("moves");
            assert_eq!(costs[best], 0, "a zero-cost move exists from every state on a projective tree");
            state.apply(Move::of_class(best));
        }
        state
    }

    #[test]
    fn the_oracle_rebuilds_a_projective_tree() {
        // "She said the deal was good ." with heads: said root; She→said; deal→good; the→deal; was→good; good→said; .→said
        let heads = [NONE, 2, 0, 4, 6, 6, 2, 2];
        let relations = [
            Relation::DEP,
            rel("nsubj"),
            rel("root"),
            rel("det"),
            rel("nsubj"),
            rel("cop"),
            rel("ccomp"),
            rel("punct"),
        ];
        let state = follow_oracle(&heads, &relations);
        for k in 1..heads.len() {
            assert_eq!(state.nodes[k].head, heads[k]);
            assert_eq!(state.nodes[k].relation, relations[k]);
        }
        assert_eq!(state.nodes[2].valency, [1, 2]);
        assert_eq!(state.nodes[2].right, [7, 6]);
    }

    #[test]
    fn moves_and_classes_correspond() {
        for c in 0..N_MOVES {
            assert_eq!(Move::of_class(c).class(), c);
        }
        assert_eq!(Move::Left(rel("nsubj")).label(), "left:nsubj");
    }

    #[test]
    fn any_sequence_of_legal_moves_ends_in_one_tree() {
        let mut state = State::default();
        state.reset(6);
        let mut turn = 0usize;
        while !state.is_final() {
            // A fixed, arbitrary preference among the legal moves.
            let order =
                [Move::Left(rel("dep")), Move::Shift, Move::Right(rel("obj")), Move::Right(Relation::ROOT)];
            let m = (0..order.len()).map(|i| order[(i + turn) % order.len()]).find(|&m| state.is_legal(m));
            state.apply(m.expect("a legal move while not final"));
            turn += 1;
        }
        let roots = state.nodes[1..].iter().filter(|n| n.head == 0).count();
        assert_eq!(roots, 1);
        assert!(state.nodes[1..].iter().all(|n| n.head != NONE));
    }
}
