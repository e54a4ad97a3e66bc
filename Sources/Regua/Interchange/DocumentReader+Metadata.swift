extension DocumentReader {
  /// Reads `metadata`: an object of strings, kept as the host wrote it.
  mutating func readMetadata(at path: FieldPath) throws(JSONSyntaxError) -> [String: String] {
    guard scanner.peekKind() == .object else {
      try mismatch(at: path, expecting: "an object of strings such as {\"erp-id\": \"A-77\"}")
      return [:]
    }
    var metadata: [String: String] = [:]
    var count = 0
    try readMembers(at: path) { reader, key, keyOffset throws(JSONSyntaxError) in
      count += 1
      guard count <= Bounds.metadataEntries else {
        if count == Bounds.metadataEntries + 1 {
          reader.report(
            path, "has more than \(Bounds.metadataEntries) fields (Bounds.metadataEntries)", offset: keyOffset)
        }
        try reader.scanner.skipValue()
        return
      }
      let fieldPath = path.appending(SafeText.excerpt(key))
      guard
        let value = try reader.string(
          at: fieldPath, expecting: "a string (metadata holds the host's own text fields)")
      else { return }
      if metadata.updateValue(value, forKey: key) != nil {
        reader.report(fieldPath, "appears twice in one object; a field is given once", offset: keyOffset)
      }
    }
    return metadata
  }
}
