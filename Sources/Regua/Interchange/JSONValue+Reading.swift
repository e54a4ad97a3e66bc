extension JSONValue {
  /// Reads one JSON text into a value: how a writer's bytes become a tree (``ActionPlan/json``
  /// is the plan writer's bytes, read back), so that the tree and the bytes cannot disagree.
  ///
  /// Numbers must be integers (the only numbers Regua writes); a key that appears twice is an
  /// error, as it is in a document.
  ///
  /// - Throws: ``JSONSyntaxError`` where the text is not JSON, or not what a value holds.
  init(reading bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
    var scanner = JSONScanner(bytes)
    self = try JSONValue.read(&scanner)
    scanner.skipWhitespace()
    guard scanner.isAtEnd else { throw scanner.unexpected("the end of the text") }
  }

  private static func read(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> JSONValue {
    switch scanner.peekKind() {
    case .object:
      try scanner.enter(UInt8(ascii: "{"))
      defer { scanner.leave() }
      var members: [String: JSONValue] = [:]
      guard !scanner.isEmpty(UInt8(ascii: "}")) else { return .object(members) }
      repeat {
        let offset = scanner.index
        let key = try scanner.readString()
        try scanner.expect(UInt8(ascii: ":"), "`:` after the key")
        let value = try read(&scanner)
        guard members.updateValue(value, forKey: key) == nil else {
          throw JSONSyntaxError(offset: offset, message: "the key `\(SafeText.excerpt(key))` appears twice")
        }
      } while try continues(&scanner, UInt8(ascii: "}"))
      return .object(members)
    case .array:
      try scanner.enter(UInt8(ascii: "["))
      defer { scanner.leave() }
      var elements: [JSONValue] = []
      guard !scanner.isEmpty(UInt8(ascii: "]")) else { return .array(elements) }
      repeat { elements.append(try read(&scanner)) } while try continues(&scanner, UInt8(ascii: "]"))
      return .array(elements)
    case .string:
      return .string(try scanner.readString())
    case .number:
      let offset = scanner.index
      let text = try scanner.readNumber()
      guard let value = Int(text) else {
        throw JSONSyntaxError(offset: offset, message: "`\(text)` is not an integer that fits in 64 bits")
      }
      return .int(value)
    case .bool:
      return .bool(try scanner.readBool())
    case .null:
      _ = try scanner.consumeNull()
      return .null
    case .invalid, nil:
      throw scanner.unexpected("a value (a string, number, object, array, true, false or null)")
    }
  }

  /// Whether another member or element follows; a trailing comma is an error.
  private static func continues(_ scanner: inout JSONScanner, _ close: UInt8) throws(JSONSyntaxError) -> Bool {
    switch try scanner.next(close) {
    case .more: return true
    case .end: return false
    case .trailingComma(let offset): throw JSONSyntaxError(offset: offset, message: "a trailing comma")
    }
  }
}
