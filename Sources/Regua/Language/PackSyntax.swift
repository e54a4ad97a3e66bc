/// A `pack "NAME"` declaration as written: policy lines — `limit`, `window`, `after conversation
/// wait` — that cadences of the same rules directory take with `include "NAME"`. Compliance
/// packs (`Rules/packs/`) are written this way.
public struct PackSyntax: Sendable, Hashable {
  /// The pack's name as written.
  public var name: String
  /// Where the name is.
  public var nameRange: SourceRange
  /// The header line's range.
  public var range: SourceRange
  /// The body's lines in order (only `limit`, `window` and `after conversation wait` compile).
  public var items: [CadenceItemSyntax]
  /// The blank lines and comments before the header, and its trailing comment.
  public var trivia: Trivia
  /// The header's text when it did not parse (the declaration is then never compiled).
  public var brokenHeader: String?

  /// Creates a pack declaration.
  public init(
    name: String, nameRange: SourceRange, range: SourceRange, items: [CadenceItemSyntax] = [], trivia: Trivia = .none,
    brokenHeader: String? = nil
  ) {
    self.name = name
    self.nameRange = nameRange
    self.range = range
    self.items = items
    self.trivia = trivia
    self.brokenHeader = brokenHeader
  }
}
