extension Customer: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, kind, segment, tags, channels
    case optOuts = "opt-outs"
    case timeZone = "timezone"
  }

  /// Decodes a customer; only `id` is required.
  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownFields(CodingKeys.allCases.map(\.rawValue))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decodeString(forKey: .id, expecting: "the customer's id as a string")
    if try container.decodeNilOrAbsent(.kind) {
      kind = nil
    } else {
      let text = try container.decodeString(forKey: .kind, expecting: "\"person\" or \"company\"")
      guard let kind = CustomerKind(rawValue: text) else {
        throw DecodingError.dataCorruptedError(
          forKey: .kind, in: container, debugDescription: "`\(text)` is not a kind; expected \"person\" or \"company\"")
      }
      self.kind = kind
    }
    segment =
      try container.decodeNilOrAbsent(.segment)
      ? "" : try container.decodeString(forKey: .segment, expecting: "a segment name such as \"smb\"")
    tags = try container.decodeStrings(forKey: .tags)
    preferredChannels = try container.decodeStrings(forKey: .channels)
    optOuts = try container.decodeStrings(forKey: .optOuts)
    timeZone =
      try container.decodeNilOrAbsent(.timeZone)
      ? nil : try container.decodeString(forKey: .timeZone, expecting: "an IANA zone such as \"America/Sao_Paulo\"")
  }

  /// Encodes the customer, leaving out empty and absent values.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encodeIfPresent(kind, forKey: .kind)
    if !segment.isEmpty { try container.encode(segment, forKey: .segment) }
    if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
    if !preferredChannels.isEmpty { try container.encode(preferredChannels, forKey: .channels) }
    if !optOuts.isEmpty { try container.encode(optOuts, forKey: .optOuts) }
    try container.encodeIfPresent(timeZone, forKey: .timeZone)
  }
}
