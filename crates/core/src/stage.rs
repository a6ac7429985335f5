use crate::{Document, Error, ErrorKind};
use std::sync::Arc;

/// A layer of a [`Document`] that stages provide and require.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layer {
    /// Excluded page furniture.
    Boilerplate,
    /// Sentences and tokens.
    Sentences,
    /// Actors and their mentions.
    Actors,
    /// Where the text touches a topic ([`Document::topic_spans`]).
    Topics,
    /// Attributed statements.
    Statements,
    /// Hedge and booster cues.
    Cues,
    /// Stances per statement and per actor.
    Stances,
    /// Speaker turns of transcripts, interviews and Q&A pages.
    Turns,
}

/// A pipeline component that annotates a [`Document`] in place.
///
/// Stages are immutable after construction (`&self`) and shared across threads.
/// Everything expensive (lexicons, automata, regexes) is built in the constructor.
pub trait Stage: Send + Sync {
    /// Short name, used in errors (`actors`).
    fn name(&self) -> &'static str;
    /// Layers that must be present before this stage runs.
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    /// Layers this stage adds.
    fn provides(&self) -> &'static [Layer];
    /// Annotates the document.
    ///
    /// # Errors
    /// Only on conditions a stage cannot recover from; the pipeline adds the document id
    /// and the stage name.
    fn process(&self, doc: &mut Document) -> Result<(), Error>;
}

/// An ordered list of stages, validated once by [`PipelineBuilder::build`] and run on
/// many documents (`Pipeline` is `Send + Sync` and cheap to clone).
#[derive(Clone, Default)]
pub struct Pipeline {
    stages: Vec<Arc<dyn Stage>>,
}

impl Pipeline {
    /// A builder.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The stages in order.
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// Runs every stage on the document, then empties its [`Scratch`](crate::Scratch):
    /// working data does not outlive the pipeline.
    ///
    /// # Errors
    /// The first stage error, with the document id and stage name attached.
    pub fn run(&self, doc: &mut Document) -> Result<(), Error> {
        for stage in &self.stages {
            stage.process(doc).map_err(|e| {
                let msg = format!("stage `{}` failed", stage.name());
                let mut wrapped = Error::new(e.kind(), msg).with_doc(doc.id().to_string());
                if let Some(p) = doc.path() {
                    wrapped = wrapped.with_path(p.to_string());
                }
                wrapped.with_source(e)
            })?;
        }
        doc.scratch.clear();
        Ok(())
    }
}

/// Assembles a [`Pipeline`].
#[derive(Clone, Default)]
pub struct PipelineBuilder {
    stages: Vec<Arc<dyn Stage>>,
}

impl PipelineBuilder {
    /// Appends a stage.
    pub fn stage(&mut self, stage: impl Stage + 'static) -> &mut PipelineBuilder {
        self.stages.push(Arc::new(stage));
        self
    }

    /// Appends a shared stage.
    pub fn shared_stage(&mut self, stage: Arc<dyn Stage>) -> &mut PipelineBuilder {
        self.stages.push(stage);
        self
    }

    /// Checks that every stage's requirements are provided by an earlier stage.
    ///
    /// # Errors
    /// [`ErrorKind::Config`] naming the stage and the missing layer.
    pub fn build(&self) -> Result<Pipeline, Error> {
        let mut have: Vec<Layer> = Vec::new();
        for s in &self.stages {
            if let Some(missing) = s.requires().iter().find(|l| !have.contains(l)) {
                return Err(Error::new(
                    ErrorKind::Config,
                    format!(
                        "stage `{}` requires the {missing:?} layer, which no earlier stage provides",
                        s.name()
                    ),
                ));
            }
            have.extend_from_slice(s.provides());
        }
        Ok(Pipeline {
            stages: self.stages.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Needs;
    impl Stage for Needs {
        fn name(&self) -> &'static str {
            "needs"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Sentences]
        }
        fn provides(&self) -> &'static [Layer] {
            &[Layer::Actors]
        }
        fn process(&self, _: &mut Document) -> Result<(), Error> {
            Err(Error::new(ErrorKind::Stage, "boom"))
        }
    }
    struct Gives;
    impl Stage for Gives {
        fn name(&self) -> &'static str {
            "gives"
        }
        fn provides(&self) -> &'static [Layer] {
            &[Layer::Sentences]
        }
        fn process(&self, doc: &mut Document) -> Result<(), Error> {
            doc.scratch.insert(1u8);
            Ok(())
        }
    }

    #[test]
    fn build_checks_requirements() {
        let err = Pipeline::builder().stage(Needs).build().err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.to_string().contains("needs"));
        assert!(
            Pipeline::builder()
                .stage(Gives)
                .stage(Needs)
                .build()
                .is_ok()
        );
    }

    #[test]
    fn run_names_document_and_stage() {
        let p = Pipeline::builder()
            .stage(Gives)
            .stage(Needs)
            .build()
            .unwrap();
        let mut doc = Document::new("d1", "text").with_path("in/d1.txt");
        let err = p.run(&mut doc).unwrap_err();
        let s = err.to_string();
        assert!(
            s.contains("in/d1.txt") && s.contains("`needs`") && s.contains("boom"),
            "{s}"
        );
    }

    #[test]
    fn run_empties_the_scratch_after_the_last_stage() {
        let p = Pipeline::builder().stage(Gives).build().unwrap();
        let mut doc = Document::new("d1", "text");
        Gives.process(&mut doc).unwrap();
        assert!(!doc.scratch.is_empty());
        p.run(&mut doc).unwrap();
        assert!(doc.scratch.is_empty());
    }
}
