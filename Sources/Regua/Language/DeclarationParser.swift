/// The parser of one kind of top-level declaration — `cadence`, `test`, and the kinds stage 2
/// adds — its header and the lines of its body.
///
/// ``Parser`` reads a file's lines, decides which declaration each belongs to, and hands it to
/// that kind's parser: a new kind of declaration is one more conformance listed in
/// ``Parser/declarationKinds``, not another branch of the file's loop.
///
/// Conformers are classes so that the open declaration grows in place: a copy of it held
/// anywhere else would make every appended line copy the whole block, which is quadratic in the
/// number of lines.
protocol DeclarationParser: AnyObject {
  /// A parser with no declaration open.
  init()
  /// The keyword that starts a declaration of this kind (`cadence`).
  static var keyword: String { get }
  /// Whether a line that starts with `word` belongs in this kind's body: at column 0, inside an
  /// open declaration of this kind, it is a body line that lost its indentation.
  static func startsBodyLine(_ word: String) -> Bool
  /// Whether such a line at column 0, with no declaration of this kind open, is reported as a
  /// body line out of place (rather than read as a broken header).
  static var reportsStrayBodyLines: Bool { get }
  /// Whether a line at column 0 that starts with this kind's keyword opens a declaration, with
  /// `open` the declaration open before it; when not, it is read as `open`'s unindented body line.
  static func isHeader(_ line: TokenLine, after open: (any DeclarationParser)?) -> Bool
  /// Reads a header line and opens a declaration.
  ///
  /// - Returns: `false` when the declaration is skipped (past a bound of ``Bounds``): its body
  ///   lines then belong to nothing.
  /// - Throws: When the header does not parse; ``Parser`` then reports the error and opens a
  ///   broken declaration with ``openBroken(_:trivia:)``.
  func open(_ line: TokenLine, trivia: Trivia, in parser: inout Parser) throws(Parser.LineError) -> Bool
  /// Opens a broken declaration for a header line that did not parse (its error is reported):
  /// its body is read, so its errors are reported, and it is never compiled.
  func openBroken(_ line: TokenLine, trivia: Trivia)
  /// Reads one line of the open declaration's body; a line that does not parse is reported and
  /// kept as an error node.
  ///
  /// - Returns: How many of the `following` lines the line took too (a timeline's entries).
  func read(_ line: TokenLine, trivia: Trivia, following: ArraySlice<TokenLine>, in parser: inout Parser) -> Int
  /// The open declaration, closed; `nil` when none is open.
  func close() -> DeclarationSyntax?
}

extension Parser {
  /// Every kind of top-level declaration, in the order a broken header's closest keyword is
  /// looked for; the first is the one a line that resembles none is read as.
  static var declarationKinds: [any DeclarationParser.Type] {
    [
      CadenceDeclarationParser.self, TestDeclarationParser.self, CalendarDeclarationParser.self,
      RateTableDeclarationParser.self, PackDeclarationParser.self,
    ]
  }

  /// The keywords that start a declaration.
  static var declarationKeywords: [String] { declarationKinds.map { $0.keyword } }
}

extension DeclarationParser {
  /// A line at column 0 that starts with the keyword always opens a declaration.
  static func isHeader(_ line: TokenLine, after open: (any DeclarationParser)?) -> Bool { true }
}
