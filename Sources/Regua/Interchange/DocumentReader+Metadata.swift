extension DocumentReader {
  /// Reads `metadata`: an object of strings, kept as the host wrote it.
  mutating func readMetadata(at path: FieldPath) throws(JSONSyntaxError) -> [String: String] {
    guard scanner.peekKind() == .object else {
      try mismatch(at: path, expecting: "an object of strings such as {\"erp-id\": \"A-77\"}")
      return [:]
    }
    var metadata: [String: String] = [:]
    try scanner.enter(UInt8(ascii: "{"))
    defer { scanner.leave() }
    if scanner.isEmpty(UInt8(ascii: "}")) { return metadata }
    var count = 0
    repeat {
      scanner.skipWhitespace()
      let keyOffset = scanner.index
      guard scanner.peekKind() == .string else { throw scanner.unexpected("a field name in double quotes") }
      let key = try scanner.readString()
      try scanner.expect(UInt8(ascii: ":"), "`:` after the field name")
      let fieldPath = path.appending(SafeText.excerpt(key))
      count += 1
      if count > Bounds.metadataEntries {
        if count == Bounds.metadataEntries + 1 {
          report(path, "has more than \(Bounds.metadataEntries) fields (Bounds.metadataEntries)", offset: keyOffset)
        }
        try scanner.skipValue()
        continue
      }
      guard let value = try string(at: fieldPath, expecting: "a string (metadata holds the host's own text fields)")
      else { continue }
      if metadata.updateValue(value, forKey: key) != nil {
        report(fieldPath, "appears twice in one object; a field is given once", offset: keyOffset)
      }
    } while try moreMetadata(at: path)
    return metadata
  }

  private mutating func moreMetadata(at path: FieldPath) throws(JSONSyntaxError) -> Bool {
    switch try scanner.next(UInt8(ascii: "}")) {
    case .more: return true
    case .end: return false
    case .trailingComma(let offset):
      report(path, "a trailing comma before `}`; remove it (JSON allows none)", offset: offset)
      return false
    }
  }
}
