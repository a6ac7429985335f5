//! Working data a stage leaves with a document for a later stage.

use std::any::Any;
use std::fmt;

/// Working data one stage hands to a later stage of its own crate, kept with the
/// document in between: the topic tagger leaves its scan of the text here, and the
/// stance stage takes it instead of scanning again.
///
/// Not part of the output: never serialised, emptied by [`Pipeline::run`](crate::Pipeline::run)
/// after the last stage, and a cloned document starts with an empty scratch (a consumer
/// recomputes what it does not find). One value per type.
///
/// ```
/// use stancemap_core::Scratch;
/// struct Scan(usize);
/// let mut s = Scratch::default();
/// s.insert(Scan(3));
/// assert_eq!(s.take::<Scan>().map(|x| x.0), Some(3));
/// assert!(s.take::<Scan>().is_none());
/// ```
#[derive(Default)]
pub struct Scratch {
    items: Vec<Box<dyn Any + Send + Sync>>,
}

impl Scratch {
    /// Stores `value`, replacing a stored value of the same type.
    pub fn insert<T: Any + Send + Sync>(&mut self, value: T) {
        self.items.retain(|b| !b.is::<T>());
        self.items.push(Box::new(value));
    }

    /// Removes and returns the stored value of type `T`.
    pub fn take<T: Any + Send + Sync>(&mut self) -> Option<T> {
        let i = self.items.iter().position(|b| b.is::<T>())?;
        self.items.swap_remove(i).downcast().ok().map(|b| *b)
    }

    /// The stored value of type `T`.
    pub fn get<T: Any + Send + Sync>(&self) -> Option<&T> {
        self.items.iter().find_map(|b| b.downcast_ref())
    }

    /// Drops every stored value.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl Clone for Scratch {
    /// An empty scratch: working data is not copied with a document.
    fn clone(&self) -> Scratch {
        Scratch::default()
    }
}

impl fmt::Debug for Scratch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scratch({} items)", self.items.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_per_type_and_clones_start_empty() {
        let mut s = Scratch::default();
        s.insert(1u32);
        s.insert(2u32);
        s.insert("x");
        assert_eq!(s.get::<u32>(), Some(&2));
        assert!(s.clone().is_empty());
        assert_eq!(s.take::<&str>(), Some("x"));
        assert_eq!(s.take::<u32>(), Some(2));
        assert!(s.is_empty());
    }
}
