/// Reads documents in the pinned JSON shapes straight from their bytes: the syntax, every field's
/// type and value, unknown and duplicate fields, and then the validation every invoice obeys.
///
/// A problem in a value is recorded with its path and reading goes on with the next field, so
/// one run reports every problem of a document (up to ``Bounds/reportedInputErrors``); a syntax
/// error ends the reading, since what follows it has no reliable structure. Account documents
/// (a later issue) read their invoices with ``readInvoice(at:)``.
struct DocumentReader {
  var scanner: JSONScanner
  var problems = InputErrorList()
  /// The channels besides the built-in ones that the documents may name (a cadence's `notify`
  /// channels).
  let hostChannels: Set<String>
  /// The paths already reported, so that validation does not judge them again.
  private var reported: Set<String> = []

  init(_ bytes: UnsafeBufferPointer<UInt8>, hostChannels: Set<String>) {
    scanner = JSONScanner(bytes)
    self.hostChannels = hostChannels
  }

  /// Records a problem at `path`.
  mutating func report(_ path: FieldPath, _ message: String, offset: Int? = nil) {
    let rendered = path.rendered
    reported.insert(rendered)
    problems.add(rendered, message, offset: offset)
  }

  /// Records a syntax error: it ends the reading.
  mutating func report(_ error: JSONSyntaxError) {
    let (line, column) = scanner.lineAndColumn(of: error.offset)
    problems.add(
      InputError(
        path: "",
        message: "the document is not valid JSON: at line \(line), column \(column) (byte \(error.offset)): "
          + error.message, offset: error.offset))
  }

  /// The paths reported so far.
  var reportedPaths: Set<String> { reported }

  /// Whether a problem was reported at `path`.
  func isReported(_ path: String) -> Bool { reported.contains(path) }

  /// Checks that nothing but white space follows the document's value.
  mutating func expectEnd() throws(JSONSyntaxError) {
    scanner.skipWhitespace()
    if !scanner.isAtEnd { throw scanner.unexpected("the end of the document") }
  }

  // MARK: - Fields of one object

  /// Reads an object's members: `member` is called with each known name (one of `known`, at
  /// most 64) and must consume the value; an unknown name is reported and its value skipped, a
  /// name given twice is reported and its second value skipped.
  ///
  /// - Returns: The fields present, as a bit per index in `known`.
  @discardableResult
  mutating func readObject(
    at path: FieldPath, known: [String],
    _ member: (inout DocumentReader, String, FieldPath) throws(JSONSyntaxError) -> Void
  ) throws(JSONSyntaxError) -> UInt64 {
    var seen: UInt64 = 0
    try readMembers(at: path) { reader, name, keyOffset throws(JSONSyntaxError) in
      let fieldPath = path.appending(name)
      guard let position = known.firstIndex(of: name) else {
        reader.reportUnknown(name, at: path, known: known, offset: keyOffset)
        try reader.scanner.skipValue()
        return
      }
      guard seen & (1 << UInt64(position)) == 0 else {
        reader.report(
          fieldPath, "appears twice in one object; a field is given once (readers disagree on which one wins)",
          offset: keyOffset)
        try reader.scanner.skipValue()
        return
      }
      seen |= 1 << UInt64(position)
      try member(&reader, name, fieldPath)
    }
    return seen
  }

  /// Reads an object's members, whatever their names: `member` is called with each name and the
  /// offset of its key, and must consume the value. Trailing commas are reported.
  mutating func readMembers(
    at path: FieldPath, _ member: (inout DocumentReader, String, Int) throws(JSONSyntaxError) -> Void
  ) throws(JSONSyntaxError) {
    try scanner.enter(UInt8(ascii: "{"))
    defer { scanner.leave() }
    if scanner.isEmpty(UInt8(ascii: "}")) { return }
    repeat {
      scanner.skipWhitespace()
      let keyOffset = scanner.index
      guard scanner.peekKind() == .string else { throw scanner.unexpected("a field name in double quotes") }
      let name = try scanner.readString()
      try scanner.expect(UInt8(ascii: ":"), "`:` after the field name")
      try member(&self, name, keyOffset)
    } while try more(UInt8(ascii: "}"), at: path)
  }

  private mutating func reportUnknown(_ name: String, at path: FieldPath, known: [String], offset: Int) {
    let shown = SafeText.excerpt(name)
    var message = "unknown field `\(shown)`" + LookAlikes.note(name)
    if let guess = Suggestions.closest(to: name, among: known) {
      message += "; did you mean `\(guess)`?"
    } else {
      message += "; the fields here are " + known.map { "`\($0)`" }.joined(separator: ", ")
    }
    // The path names the field; a long or empty name is quoted once, in the message.
    let fieldPath = name.isEmpty || shown != name ? path : path.appending(name)
    report(fieldPath, message, offset: offset)
  }

  /// Reads a list: `element` is called with each element's path and must consume it.
  mutating func readArray(
    at path: FieldPath, _ element: (inout DocumentReader, FieldPath) throws(JSONSyntaxError) -> Void
  ) throws(JSONSyntaxError) {
    try scanner.enter(UInt8(ascii: "["))
    defer { scanner.leave() }
    if scanner.isEmpty(UInt8(ascii: "]")) { return }
    var position = 0
    repeat {
      if position == Bounds.documentItems {
        report(path, "has more than \(Bounds.documentItems) items (Bounds.documentItems)")
      }
      if position >= Bounds.documentItems {
        try scanner.skipValue()
      } else {
        try element(&self, path.element(position))
      }
      position += 1
    } while try more(UInt8(ascii: "]"), at: path)
  }

  /// Whether another member or element follows; reports a trailing comma.
  private mutating func more(_ close: UInt8, at path: FieldPath) throws(JSONSyntaxError) -> Bool {
    switch try scanner.next(close) {
    case .more: return true
    case .end: return false
    case .trailingComma(let offset):
      let (line, column) = scanner.lineAndColumn(of: offset)
      problems.add(
        path.rendered,
        "a trailing comma before `\(Character(Unicode.Scalar(close)))` at line \(line), column \(column); "
          + "remove it (JSON allows none)", offset: offset)
      return false
    }
  }

  // MARK: - Values

  /// A string, or `nil` (reported, value skipped) when the value is not one.
  mutating func string(at path: FieldPath, expecting expectation: String) throws(JSONSyntaxError) -> String? {
    guard scanner.peekKind() == .string else {
      try mismatch(at: path, expecting: expectation)
      return nil
    }
    return try scanner.readString()
  }

  /// A string, or `nil` for `null`; other values are reported.
  mutating func optionalString(at path: FieldPath, expecting expectation: String) throws(JSONSyntaxError) -> String? {
    if try scanner.consumeNull() { return nil }
    return try string(at: path, expecting: expectation)
  }

  /// Reports that the next value is not what is expected (naming what it is), and skips it.
  mutating func mismatch(at path: FieldPath, expecting expectation: String) throws(JSONSyntaxError) {
    let offset = scanner.index
    let found: String
    switch scanner.peekKind() {
    case .object: found = "an object"
    case .array: found = "an array"
    case .string: found = "a string"
    case .number: found = "a number"
    case .bool: found = "true or false"
    case .null: found = "null"
    case .invalid, nil: throw scanner.unexpected("a value")
    }
    try scanner.skipValue()
    let hint = found == "a number" && expectation.contains("decimal string") ? " (JSON numbers lose cents)" : ""
    report(path, "expected \(expectation), found \(found)\(hint)", offset: offset)
  }

  /// A date string.
  mutating func date(at path: FieldPath) throws(JSONSyntaxError) -> CivilDate? {
    let offset = scanner.index
    guard let text = try string(at: path, expecting: "a date string such as \"2026-03-10\"") else { return nil }
    do {
      return try CivilDate(parsing: text)
    } catch {
      report(path, error.description, offset: offset)
      return nil
    }
  }

  /// A list of strings (`null` is empty).
  mutating func strings(at path: FieldPath, expecting expectation: String) throws(JSONSyntaxError) -> [String] {
    if try scanner.consumeNull() { return [] }
    guard scanner.peekKind() == .array else {
      try mismatch(at: path, expecting: "an array of strings such as [\(expectation)]")
      return []
    }
    var values: [String] = []
    try readArray(at: path) { reader, path throws(JSONSyntaxError) in
      if let value = try reader.string(at: path, expecting: "a string such as \(expectation)") { values.append(value) }
    }
    return values
  }

  /// A list of channel names (`null` is empty): built-in channels and ``hostChannels``.
  mutating func channels(at path: FieldPath) throws(JSONSyntaxError) -> [Channel] {
    if try scanner.consumeNull() { return [] }
    guard scanner.peekKind() == .array else {
      try mismatch(at: path, expecting: "an array of channels such as [\"email\", \"sms\"]")
      return []
    }
    var channels: [Channel] = []
    try readArray(at: path) { reader, path throws(JSONSyntaxError) in
      let offset = reader.scanner.index
      guard let name = try reader.string(at: path, expecting: "a channel such as \"email\"") else { return }
      switch Channel.named(name, hostChannels: reader.hostChannels) {
      case .success(let channel): channels.append(channel)
      case .failure(let error): reader.report(path, error.message, offset: offset)
      }
    }
    return channels
  }
}

/// An amount read before the currency it is in is known (JSON objects have no field order).
struct PendingAmount {
  var text: String
  var path: FieldPath
  var offset: Int

  /// The amount in `currency`, or `nil` after reporting why it is not one. `-0` is not an
  /// amount: it reads as zero, and a negative sign on a zero hides a bug in the writer.
  func money(in currency: Currency?, _ reader: inout DocumentReader) -> Money? {
    let decimal: ExactDecimal
    do {
      decimal = try ExactDecimal(parsing: text)
    } catch {
      reader.report(path, error.description, offset: offset)
      return nil
    }
    if decimal.significand == 0, text.hasPrefix("-") {
      reader.report(path, "`\(SafeText.excerpt(text))` is not an amount: zero has no sign", offset: offset)
      return nil
    }
    guard let currency else { return nil }
    // The decimal is read once; this is what `Money(parsing:currency:)` does after reading it.
    guard decimal.scale <= currency.minorUnits else {
      reader.report(path, MoneyError.tooManyDecimals(text, currency: currency).description, offset: offset)
      return nil
    }
    do {
      return try Money(decimal, currency: currency, rounding: .halfEven)
    } catch {
      reader.report(path, error.description, offset: offset)
      return nil
    }
  }
}
