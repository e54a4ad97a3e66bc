/// Compiling a rule file from its bytes, as read from a file or a pipe: the size and the
/// encoding are checked before any text is made of them.
extension RuleCompiler {
  /// Compiles a rule file from its bytes.
  ///
  /// A file larger than ``Bounds/fileBytes`` is one error, and so is one that is not UTF-8: the
  /// error names the byte offset of the first invalid byte, and its position. A reader may stop
  /// after ``Bounds/fileBytes`` + 1 bytes: that is enough to know the file is too large.
  ///
  /// - Parameters:
  ///   - path: The name diagnostics show.
  ///   - bytes: The file's contents, or their first ``Bounds/fileBytes`` + 1 bytes.
  ///   - lint: Whether to add the ``Linter``'s warnings.
  ///   - calendars: The names of the host's calendars a `calendar` line may name besides the
  ///     built-in ones.
  ///   - rateTables: The names of the host's rate tables `interest "NAME"` may name besides the
  ///     declared ones.
  /// - Returns: The compiled file; never throws and never traps.
  public static func compile(
    path: String, contents bytes: [UInt8], lint: Bool = false, calendars: Set<String> = [],
    rateTables: Set<String> = []
  ) -> RuleFile {
    if bytes.count > Bounds.fileBytes {
      let start = SourcePosition(line: 1, column: 1)
      return rejected(
        SourceFile(path: path, text: ""),
        .error(
          .fileTooLarge, "the file is larger than \(Bounds.fileBytes / (1024 * 1024)) MiB",
          at: SourceRange(start: start, end: start), help: "split the rules into several files"))
    }
    guard let offset = UTF8Validation.firstInvalidOffset(in: bytes) else {
      return compile(
        SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self)), lint: lint, calendars: calendars,
        rateTables: rateTables)
    }
    return notUTF8(path: path, bytes: bytes, at: offset)
  }

  /// The error for bytes that stop being UTF-8 at `offset`: placed at the invalid byte's line
  /// and column, with that line (as far as it can be shown) as the only source text.
  private static func notUTF8(path: String, bytes: [UInt8], at offset: Int) -> RuleFile {
    let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let lineNumber = bytes[..<lineStart].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    // Only the line of the error is ever shown. One longer than a line may be is left out, and
    // the error placed at its start: the byte offset still says where.
    let isShown = lineEnd - lineStart <= Bounds.lineBytes
    let column = isShown ? String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1 : 1
    let line = isShown ? String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self) : ""
    let source = SourceFile(path: path, text: String(repeating: "\n", count: lineNumber - 1) + line)
    let hex = String(bytes[offset], radix: 16, uppercase: true)
    let position = SourcePosition(line: lineNumber, column: column)
    return rejected(
      source,
      .error(
        .notUTF8, "the file is not UTF-8: invalid byte 0x\(hex) at byte offset \(offset)",
        at: SourceRange(start: position, end: SourcePosition(line: lineNumber, column: column + 1)),
        help: "save the file as UTF-8"))
  }

  /// A file with one error and nothing compiled.
  private static func rejected(_ source: SourceFile, _ diagnostic: Diagnostic) -> RuleFile {
    RuleFile(source: source, cadences: [], tests: [], diagnostics: [diagnostic])
  }
}

extension RuleCompiler {
  /// Compiles the rule files of one rules directory together from their bytes, as
  /// ``compile(_:lint:calendars:rateTables:)-([SourceFile],_,_,_)`` does from their text: a cadence
  /// may name a calendar or a rate table any of them declares. A file too large or not UTF-8 is
  /// one error, and declares nothing.
  ///
  /// - Parameters:
  ///   - files: Each file's path (the name diagnostics show) and its bytes, or their first
  ///     ``Bounds/fileBytes`` + 1.
  ///   - lint: Whether to add the ``Linter``'s warnings.
  ///   - calendars: The names of the host's calendars.
  ///   - rateTables: The names of the host's rate tables.
  /// - Returns: One compiled file for each, in the same order; never throws and never traps.
  public static func compile(
    files: [(path: String, contents: [UInt8])], lint: Bool = false, calendars: Set<String> = [],
    rateTables: Set<String> = []
  ) -> [RuleFile] {
    var results: [RuleFile?] = []
    var sources: [SourceFile] = []
    for (path, bytes) in files {
      if bytes.count <= Bounds.fileBytes, UTF8Validation.firstInvalidOffset(in: bytes) == nil {
        results.append(nil)
        sources.append(SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self)))
      } else {
        results.append(compile(path: path, contents: bytes, lint: lint, calendars: calendars, rateTables: rateTables))
      }
    }
    var compiled = compile(sources, lint: lint, calendars: calendars, rateTables: rateTables).makeIterator()
    return results.compactMap { $0 ?? compiled.next() }
  }
}
