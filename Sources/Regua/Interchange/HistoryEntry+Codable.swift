extension HistoryEntry {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case step, date, channel
  }

  /// Decodes `{"step": "d+1-email", "date": "2026-03-11", "channel": "email"}`; `channel` is
  /// optional.
  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownFields(CodingKeys.allCases.map(\.rawValue))
    let container = try decoder.container(keyedBy: CodingKeys.self)
    step = try container.decodeString(forKey: .step, expecting: "a step id such as \"d+1-email\"")
    guard !step.isEmpty else {
      throw DecodingError.dataCorruptedError(
        forKey: .step, in: container, debugDescription: "is empty; expected a step id such as \"d+1-email\"")
    }
    date = try container.decodeDate(forKey: .date)
    channel =
      try container.decodeNilOrAbsent(.channel)
      ? nil : try container.decodeString(forKey: .channel, expecting: "a channel such as \"call\"")
  }

  /// Encodes the entry; a `nil` channel is left out.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(step, forKey: .step)
    try container.encode(date, forKey: .date)
    try container.encodeIfPresent(channel, forKey: .channel)
  }
}
