extension DocumentReader {
  /// Reads a customer object.
  mutating func readCustomer(at path: FieldPath) throws(JSONSyntaxError) -> Customer? {
    guard scanner.peekKind() == .object else {
      try mismatch(at: path, expecting: "a customer such as {\"id\": \"C-42\"}")
      return nil
    }
    var customer = Customer(id: "")
    let present = try readObject(at: path, known: DocumentReader.customerFields) {
      reader, name, path throws(JSONSyntaxError) in
      let offset = reader.scanner.index
      switch name {
      case "id":
        customer.id = try reader.string(at: path, expecting: "the customer's id as a string such as \"C-42\"") ?? ""
      case "kind":
        guard let text = try reader.optionalString(at: path, expecting: "\"person\" or \"company\"") else { break }
        customer.kind = CustomerKind(rawValue: text)
        if customer.kind == nil {
          reader.report(
            path,
            "`\(SafeText.excerpt(text))` is not a kind\(LookAlikes.note(text)); expected \"person\" or \"company\"",
            offset: offset)
        }
      case "segment":
        customer.segment = try reader.optionalString(at: path, expecting: "a segment name such as \"smb\"") ?? ""
      case "tags":
        customer.tags = try reader.strings(at: path, expecting: "\"key-account\"")
      case "channels":
        customer.preferredChannels = try reader.channels(at: path)
      case "opt-outs":
        customer.optOuts = try reader.channels(at: path)
      default:
        customer.timeZone = try reader.optionalString(at: path, expecting: "an IANA zone such as \"America/Sao_Paulo\"")
      }
    }
    if present & 1 == 0 {
      report(path.appending("id"), "missing field; expected the customer's id such as \"C-42\"")
      return nil
    }
    if customer.id.isEmpty, !isReported(path.appending("id").rendered) {
      report(path.appending("id"), "is empty; expected the customer's id such as \"C-42\"")
      return nil
    }
    return customer
  }
}
