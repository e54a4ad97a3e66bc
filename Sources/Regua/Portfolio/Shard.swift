/// One part of a portfolio split across machines: `--shard K/N` keeps the invoices whose
/// customer id (the invoice id when there is no customer) hashes to `K − 1` modulo `N`, with
/// FNV-1a-64 of its UTF-8 bytes. Every customer's invoices land in one part, whatever the
/// machine, the process or the order of the input.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// The part, from 1.
  public let index: Int
  /// How many parts.
  public let count: Int

  /// Part `index` of `count`; `nil` unless 1 ≤ `index` ≤ `count`.
  public init?(_ index: Int, of count: Int) {
    guard count >= 1, (1...count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// Reads `K/N`, as `--shard` takes it; `nil` when it is not that.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
      let index = Int(parts[0]), let count = Int(parts[1])
    else { return nil }
    self.init(index, of: count)
  }

  /// Whether the invoice belongs to this part.
  public func contains(_ invoice: Invoice) -> Bool {
    let key = invoice.customer.id.isEmpty ? invoice.id : invoice.customer.id
    return Shard.fnv1a64(key) % UInt64(count) == UInt64(index - 1)
  }

  /// Whether the account belongs to this part: the part of its customer's invoices.
  public func contains(_ account: Account) -> Bool {
    Shard.fnv1a64(account.customer.id) % UInt64(count) == UInt64(index - 1)
  }

  /// FNV-1a, 64 bits, of the UTF-8 bytes of `text` (offset basis 0xcbf29ce484222325, prime
  /// 0x100000001b3), as the specification pins it.
  public static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  /// `K/N`.
  public var description: String { "\(index)/\(count)" }
}
