import Foundation

extension Invoice {
  /// The invoice as one line of JSON in the pinned shape, keys sorted, written straight into one
  /// string; ``init(json:hostChannels:)`` reads it back to an equal invoice.
  ///
  /// Absent values are left out (no customer, no promise, empty metadata); `tags`, `payments`
  /// and `history` are always written.
  public var jsonLine: String {
    var output = ""
    output.reserveCapacity(200 + 60 * (payments.count + history.count))
    output += "{\"amount\":\""
    output += amount.amountString
    output += "\",\"currency\":\""
    output += currency.code
    output += "\""
    if customer != Customer(id: "") {
      output += ",\"customer\":"
      InvoiceWriter.write(customer, to: &output)
    }
    output += ",\"due\":\""
    output += due.description
    output += "\",\"history\":["
    for (index, entry) in history.enumerated() {
      if index > 0 { output += "," }
      output += "{"
      if let channel = entry.channel {
        output += "\"channel\":"
        JSONValue.writeString(channel.name, to: &output)
        output += ","
      }
      output += "\"date\":\""
      output += entry.date.description
      if entry.kind == .conversation { output += "\",\"kind\":\"conversation" }
      output += "\",\"step\":"
      JSONValue.writeString(entry.step, to: &output)
      output += "}"
    }
    output += "],\"id\":"
    JSONValue.writeString(id, to: &output)
    output += ",\"issued\":\""
    output += issued.description
    output += "\""
    if !metadata.isEmpty {
      output += ",\"metadata\":{"
      for (index, key) in metadata.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
        if index > 0 { output += "," }
        JSONValue.writeString(key, to: &output)
        output += ":"
        JSONValue.writeString(metadata[key] ?? "", to: &output)
      }
      output += "}"
    }
    output += ",\"payments\":["
    for (index, payment) in payments.enumerated() {
      if index > 0 { output += "," }
      output += "{\"amount\":\""
      output += payment.amount.amountString
      output += "\",\"date\":\""
      output += payment.date.description
      output += "\"}"
    }
    output += "]"
    if let promise {
      output += ",\"promise\":{"
      if let amount = promise.amount {
        output += "\"amount\":\""
        output += amount.amountString
        output += "\","
      }
      output += "\"date\":\""
      output += promise.date.description
      output += "\""
      if let made = promise.made {
        output += ",\"made\":\""
        output += made.description
        output += "\""
      }
      output += "}"
    }
    output += ",\"status\":\""
    output += status.rawValue
    output += "\",\"tags\":"
    InvoiceWriter.write(tags, to: &output)
    output += "}"
    return output
  }

  /// The invoice as JSON in the pinned shape: ``jsonLine`` as UTF-8 bytes.
  public func jsonData() -> Data { Data(jsonLine.utf8) }
}

/// The pieces of an invoice document the writer shares.
enum InvoiceWriter {
  static func write(_ customer: Customer, to output: inout String) {
    output += "{"
    if !customer.preferredChannels.isEmpty {
      output += "\"channels\":"
      write(customer.preferredChannels.map(\.name), to: &output)
      output += ","
    }
    output += "\"id\":"
    JSONValue.writeString(customer.id, to: &output)
    if let kind = customer.kind {
      output += ",\"kind\":\""
      output += kind.rawValue
      output += "\""
    }
    if !customer.optOuts.isEmpty {
      output += ",\"opt-outs\":"
      write(customer.optOuts.map(\.name), to: &output)
    }
    if !customer.segment.isEmpty {
      output += ",\"segment\":"
      JSONValue.writeString(customer.segment, to: &output)
    }
    if !customer.tags.isEmpty {
      output += ",\"tags\":"
      write(customer.tags, to: &output)
    }
    if let zone = customer.timeZone {
      output += ",\"timezone\":"
      JSONValue.writeString(zone, to: &output)
    }
    output += "}"
  }

  static func write(_ strings: [String], to output: inout String) {
    output += "["
    for (index, string) in strings.enumerated() {
      if index > 0 { output += "," }
      JSONValue.writeString(string, to: &output)
    }
    output += "]"
  }
}
