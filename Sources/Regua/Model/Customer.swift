/// The person or company who owes an invoice.
public struct Customer: Sendable, Hashable {
  /// The host's identifier for the customer; empty when the host gives no customer.
  public var id: String
  /// Whether the customer is a person or a company, when known.
  public var kind: CustomerKind?
  /// A host-defined segment (`smb`, `enterprise`…); empty when absent.
  public var segment: String
  /// Free-form tags, tested with `tagged "x"` in rules.
  public var tags: [String]
  /// Contact channels in the customer's order of preference.
  public var preferredChannels: [Channel]
  /// Channels the customer has opted out of: a contact step on one of them is skipped with
  /// reason `opted-out`.
  public var optOuts: [Channel]
  /// The customer's IANA time zone (`America/Sao_Paulo`), when known.
  public var timeZone: String?

  /// Creates a customer.
  public init(
    id: String, kind: CustomerKind? = nil, segment: String = "", tags: [String] = [],
    preferredChannels: [Channel] = [], optOuts: [Channel] = [], timeZone: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.segment = segment
    self.tags = tags
    self.preferredChannels = preferredChannels
    self.optOuts = optOuts
    self.timeZone = timeZone
  }
}

/// Whether a customer is a natural person or a company.
public enum CustomerKind: String, Sendable, Hashable, CaseIterable, Codable {
  /// A natural person (consumer).
  case person
  /// A company (business customer).
  case company
}
