import Foundation

/// A rule file that did not compile: its diagnostics, rendered for people by `description`.
public struct CompilationError: Error, Sendable, CustomStringConvertible {
  /// The file's text.
  public var source: SourceFile
  /// Every problem found.
  public var diagnostics: [Diagnostic]

  /// The diagnostics rendered as `file:line:col: error: …` with source lines and carets.
  public var description: String { DiagnosticRenderer().render(diagnostics, in: source) }
}

extension Cadence {
  /// Compiles rule-file text holding exactly one cadence.
  ///
  /// - Parameters:
  ///   - text: The rule file's text.
  ///   - path: The name diagnostics show.
  ///   - calendars: The names of the host's calendars the cadence may name besides the built-in
  ///     ones.
  ///   - rateTables: The names of the host's rate tables the cadence may charge interest from
  ///     besides those the text declares.
  /// - Throws: ``CompilationError`` with every diagnostic, or one saying the file does not hold
  ///   exactly one cadence.
  public init(
    parsing text: String, path: String = "<rules>", calendars: Set<String> = [], rateTables: Set<String> = []
  ) throws(CompilationError) {
    try self.init(
      compiled: RuleCompiler.compile(SourceFile(path: path, text: text), calendars: calendars, rateTables: rateTables))
  }

  /// The only cadence of a compiled file.
  private init(compiled file: RuleFile) throws(CompilationError) {
    guard file.isValid else { throw CompilationError(source: file.source, diagnostics: file.diagnostics) }
    guard file.cadences.count == 1, let cadence = file.cadences.first else {
      let start = SourcePosition(line: 1, column: 1)
      throw CompilationError(
        source: file.source,
        diagnostics: [
          .error(
            .cadenceCount, "expected exactly one cadence, found \(file.cadences.count)",
            at: SourceRange(start: start, end: start), help: "load the file with `RuleCompiler.compile` to read several"
          )
        ])
    }
    self = cadence
  }

  /// Reads and compiles a rule file holding exactly one cadence.
  ///
  /// At most ``Bounds/fileBytes`` + 1 bytes are read: a larger file is a ``CompilationError``
  /// without being read whole, and so is one that is not UTF-8.
  ///
  /// - Throws: ``CompilationError``, or the file system's error when the file cannot be read.
  public init(contentsOf url: URL) throws {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    let data = try handle.read(upToCount: Bounds.fileBytes + 1) ?? Data()
    try self.init(compiled: RuleCompiler.compile(path: url.path, contents: [UInt8](data)))
  }
}
