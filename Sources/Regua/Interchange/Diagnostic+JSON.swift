extension Diagnostic {
  /// The diagnostic as one JSON object for tools (`regua check --error-format json`):
  ///
  /// ```json
  /// {"code":"unknown-action","column":7,"endColumn":12,"endLine":2,"endOffset":28,
  ///  "file":"rules.regua","help":"did you mean `email`?","line":2,"message":"unknown action `emial`",
  ///  "notes":[],"offset":23,"severity":"error","utf16Column":7,"utf16EndColumn":12}
  /// ```
  ///
  /// Lines and columns start at 1; columns count characters, `utf16Column` UTF-16 code units (an
  /// editor's, or one more than the Language Server Protocol's); offsets are UTF-8 bytes from the
  /// start of the file (`null` when unknown). Text is the message as written, not escaped for a
  /// terminal: JSON escaping makes it safe.
  public func json(in file: SourceFile) -> JSONValue {
    .object([
      "file": .string(file.path),
      "line": .int(range.start.line),
      "column": .int(range.start.column),
      "endLine": .int(range.end.line),
      "endColumn": .int(range.end.column),
      "utf16Column": .int(file.utf16Column(of: range.start)),
      "utf16EndColumn": .int(file.utf16Column(of: range.end)),
      "offset": range.start.offset.map(JSONValue.int) ?? .null,
      "endOffset": range.end.offset.map(JSONValue.int) ?? .null,
      "severity": .string(severity.rawValue),
      "code": .string(code),
      "message": .string(message),
      "help": .string(help),
      "notes": .array(notes.map(JSONValue.string)),
    ])
  }
}
