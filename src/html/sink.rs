//! The tree builder's sink: html5ever's tree construction (every HTML5 error-recovery rule)
//! writes straight into a flat arena of nodes addressed by index, with only the attributes
//! extraction reads, instead of a reference-counted tree that would then be copied.
//!
//! Nodes are numbered in creation order here; the tree builder moves some of them later
//! (foster parenting, the adoption agency), so [`Dom::parse`](super::dom::Dom::parse) renumbers
//! them in document order once the page is parsed.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ExpandedName, LocalName, QualName, local_name, ns};
use typed_arena::Arena;

/// What a node is while the page is being built.
pub enum Kind<'n> {
    Document,
    Element {
        /// In an arena beside the sink: the tree builder asks for names constantly, and they
        /// are lent out from there without copying.
        name: &'n QualName,
        /// The attributes [`keeps`] accepts, values as written (references decoded).
        attrs: Vec<(LocalName, String)>,
        /// A `<template>`'s contents: a separate fragment, never part of the page's text.
        template_contents: Option<usize>,
        /// A MathML `annotation-xml` that holds HTML (the tree builder asks).
        html_integration_point: bool,
    },
    Text(StrTendril),
    /// Comments and processing instructions: in the tree for the builder, dropped afterwards.
    Other,
}

pub struct BuildNode<'n> {
    pub kind: Kind<'n>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// The arena the tree builder writes into; node 0 is the document.
pub struct ArenaSink<'n> {
    names: &'n Arena<QualName>,
    nodes: RefCell<Vec<BuildNode<'n>>>,
}

/// Attributes worth keeping: content hints, visibility, and metadata.
pub fn keeps(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("id")
            | local_name!("class")
            | local_name!("style")
            | local_name!("hidden")
            | local_name!("aria-hidden")
            | local_name!("role")
            | local_name!("itemprop")
            | local_name!("itemtype")
            | local_name!("property")
            | local_name!("name")
            | local_name!("content")
            | local_name!("datetime")
            | local_name!("rel")
            | local_name!("type")
    )
}

fn kept(attrs: Vec<Attribute>) -> impl Iterator<Item = (LocalName, String)> {
    attrs.into_iter().filter(|a| keeps(&a.name.local)).map(|a| (a.name.local, String::from(a.value)))
}

impl<'n> ArenaSink<'n> {
    /// An empty page whose element names go to `names`.
    pub fn new(names: &'n Arena<QualName>) -> Self {
        let document = BuildNode { kind: Kind::Document, parent: None, children: Vec::new() };
        ArenaSink { names, nodes: RefCell::new(vec![document]) }
    }

    fn push(&self, kind: Kind<'n>) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(BuildNode { kind, parent: None, children: Vec::new() });
        nodes.len() - 1
    }

    /// Inserts `child` into `parent`'s children at `at`, merging text into a text node just
    /// before it (the tree builder relies on adjacent text being one node).
    fn insert(&self, parent: usize, at: usize, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let child = match child {
            NodeOrText::AppendText(text) => {
                if let Some(&before) = at.checked_sub(1).and_then(|i| nodes[parent].children.get(i)) {
                    if let Kind::Text(existing) = &mut nodes[before].kind {
                        existing.push_tendril(&text);
                        return;
                    }
                }
                nodes.push(BuildNode { kind: Kind::Text(text), parent: None, children: Vec::new() });
                nodes.len() - 1
            }
            NodeOrText::AppendNode(node) => {
                detach(&mut nodes, node);
                node
            }
        };
        nodes[child].parent = Some(parent);
        nodes[parent].children.insert(at, child);
    }

    /// The page's nodes; node 0 is the document.
    pub fn into_nodes(self) -> Vec<BuildNode<'n>> {
        self.nodes.into_inner()
    }
}

fn detach(nodes: &mut [BuildNode<'_>], node: usize) {
    if let Some(parent) = nodes[node].parent.take() {
        nodes[parent].children.retain(|&c| c != node);
    }
}

impl<'n> TreeSink for ArenaSink<'n> {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a>
        = ExpandedName<'a>
    where
        Self: 'a;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> ExpandedName<'a> {
        match self.nodes.borrow()[*target].kind {
            Kind::Element { name, .. } => name.expanded(),
            // The tree builder only asks about elements.
            _ => self.names.alloc(QualName::new(None, ns!(), local_name!(""))).expanded(),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let template_contents = flags.template.then(|| self.push(Kind::Document));
        let attrs = kept(attrs).collect();
        self.push(Kind::Element {
            name: self.names.alloc(name),
            attrs,
            template_contents,
            html_integration_point: flags.mathml_annotation_xml_integration_point,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Kind::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Kind::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let at = self.nodes.borrow()[*parent].children.len();
        self.insert(*parent, at, child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        match &self.nodes.borrow()[*target].kind {
            Kind::Element { template_contents: Some(contents), .. } => *contents,
            // Only ever asked of templates; anything else gets a detached fragment.
            _ => self.push(Kind::Document),
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let Some(parent) = self.nodes.borrow()[*sibling].parent else {
            return;
        };
        if let NodeOrText::AppendNode(node) = &new_node {
            // Detach first, so that the sibling's position is the one after the move.
            detach(&mut self.nodes.borrow_mut(), *node);
        }
        let at = self.nodes.borrow()[parent].children.iter().position(|c| c == sibling).unwrap_or(0);
        self.insert(parent, at, new_node);
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        if let Kind::Element { attrs: existing, .. } = &mut self.nodes.borrow_mut()[*target].kind {
            for (name, value) in kept(attrs) {
                if !existing.iter().any(|(n, _)| *n == name) {
                    existing.push((name, value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &child in &children {
            nodes[child].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &usize) -> bool {
        matches!(self.nodes.borrow()[*handle].kind, Kind::Element { html_integration_point: true, .. })
    }
}
