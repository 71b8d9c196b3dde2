//! RFC 6962 Merkle trees over the chain, for seals and members' inclusion proofs.
//!
//! Leaf `i` is the chain entry `seq = i + 1`; its leaf data is the 32-byte `entry_hash`:
//! `leaf = SHA-256(0x00 ‖ entry_hash)`, `node = SHA-256(0x01 ‖ left ‖ right)`, and the tree of
//! `n` leaves splits at the largest power of two below `n` (RFC 6962 §2.1).

use sha2::{Digest, Sha256};

use super::Hash;

pub fn leaf_hash(entry_hash: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(entry_hash);
    h.finalize().into()
}

pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The root of the empty tree: SHA-256 of nothing.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// Builds the root incrementally, keeping one hash per level (O(log n) memory), so `verify`
/// can check every seal in its single pass.
#[derive(Debug, Clone, Default)]
pub struct Accumulator {
    /// Roots of the perfect subtrees, largest first, with their sizes.
    peaks: Vec<(u64, Hash)>,
    size: u64,
}

impl Accumulator {
    pub fn new() -> Accumulator {
        Accumulator::default()
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// Adds the next entry's hash.
    pub fn push(&mut self, entry_hash: &Hash) {
        let mut node = (1u64, leaf_hash(entry_hash));
        while let Some(&(size, left)) = self.peaks.last() {
            if size != node.0 {
                break;
            }
            self.peaks.pop();
            node = (size * 2, node_hash(&left, &node.1));
        }
        self.peaks.push(node);
        self.size += 1;
    }

    /// The RFC 6962 root of everything pushed so far: the peaks folded from the right.
    pub fn root(&self) -> Hash {
        let mut iter = self.peaks.iter().rev();
        match iter.next() {
            None => empty_root(),
            Some(&(_, last)) => iter.fold(last, |acc, (_, peak)| node_hash(peak, &acc)),
        }
    }
}

/// The root of `leaves` (leaf hashes), RFC 6962 MTH.
pub fn root_of(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => empty_root(),
        1 => leaves[0],
        n => {
            let k = split(n);
            node_hash(&root_of(&leaves[..k]), &root_of(&leaves[k..]))
        }
    }
}

/// Largest power of two strictly below `n` (n ≥ 2).
fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// The audit path of leaf `index` in the tree of `leaves` (RFC 6962 §2.1.1 PATH).
pub fn inclusion_proof(index: usize, leaves: &[Hash]) -> Vec<Hash> {
    let n = leaves.len();
    if n <= 1 {
        return vec![];
    }
    let k = split(n);
    if index < k {
        let mut p = inclusion_proof(index, &leaves[..k]);
        p.push(root_of(&leaves[k..]));
        p
    } else {
        let mut p = inclusion_proof(index - k, &leaves[k..]);
        p.push(root_of(&leaves[..k]));
        p
    }
}

/// Recomputes the root from a leaf and its audit path (RFC 9162 §2.1.3.2).
pub fn root_from_proof(index: u64, size: u64, leaf: &Hash, proof: &[Hash]) -> Option<Hash> {
    if index >= size {
        return None;
    }
    let (mut fnode, mut snode) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if snode == 0 {
            return None;
        }
        if fnode & 1 == 1 || fnode == snode {
            r = node_hash(p, &r);
            if fnode & 1 == 0 {
                while fnode & 1 == 0 && fnode != 0 {
                    fnode >>= 1;
                    snode >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        fnode >>= 1;
        snode >>= 1;
    }
    (snode == 0).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(n: usize) -> Vec<Hash> {
        (0..n).map(|i| leaf_hash(&[i as u8; 32])).collect()
    }

    #[test]
    fn accumulator_matches_the_recursive_definition() {
        for n in 0..40 {
            let mut acc = Accumulator::new();
            for i in 0..n {
                acc.push(&[i as u8; 32]);
            }
            assert_eq!(acc.root(), root_of(&leaves(n)), "n = {n}");
        }
    }

    #[test]
    fn proofs_verify_and_only_for_their_leaf() {
        for n in 1..34 {
            let l = leaves(n);
            let root = root_of(&l);
            for i in 0..n {
                let proof = inclusion_proof(i, &l);
                assert_eq!(
                    root_from_proof(i as u64, n as u64, &l[i], &proof),
                    Some(root),
                    "n={n} i={i}"
                );
                if n > 1 {
                    let other = (i + 1) % n;
                    assert_ne!(
                        root_from_proof(i as u64, n as u64, &l[other], &proof),
                        Some(root)
                    );
                }
            }
        }
    }

    #[test]
    fn rfc6962_empty_tree_and_known_shapes() {
        assert_eq!(
            hex::encode(empty_root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let l = leaves(3);
        assert_eq!(root_of(&l), node_hash(&node_hash(&l[0], &l[1]), &l[2]));
    }
}
