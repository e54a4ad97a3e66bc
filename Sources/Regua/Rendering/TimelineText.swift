/// A piece of text on a timeline: the whole of it, and what fits on the drawing.
///
/// Long arguments and conditions are cut to a number of characters with an ellipsis; renderers
/// show ``shown`` and offer ``full`` as a tooltip (an SVG `<title>`) when the two differ.
public struct TimelineText: Sendable, Hashable, CustomStringConvertible {
  /// The text as written, uncut (not escaped: renderers escape it for their format).
  public var full: String
  /// At most the layout's limit of characters of ``full``, ending in `…` when cut.
  public var shown: String

  /// Cuts `text` to at most `limit` characters (the last one an ellipsis when cut).
  public init(_ text: String, limit: Int) {
    full = text
    if text.count <= limit {
      shown = text
    } else {
      shown = String(text.prefix(max(0, limit - 1))) + "…"
    }
  }

  /// A short text shown in place of a longer one (`skipped: paused` for the engine's whole
  /// sentence), itself cut to `limit` characters.
  public init(shown: String, full: String, limit: Int) {
    self.init(shown, limit: limit)
    self.full = full
  }

  /// Whether ``shown`` is cut from ``full``.
  public var isTruncated: Bool { shown != full }

  /// The whole text.
  public var description: String { full }
}
