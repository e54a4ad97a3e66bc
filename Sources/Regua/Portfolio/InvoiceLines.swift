import Foundation

/// The invoices of a JSON Lines buffer or file, line by line: each line's number and its
/// invoice, or the problem that keeps it from being one.
///
/// Lines are cut and read exactly as ``Portfolio/stream(on:shard:read:write:problem:progress:render:renderAccount:)``
/// cuts and reads them — the same code: a line ends at `\n` or at the end of the input, a `\r`
/// before its end is dropped, blank lines (spaces and tabs) are skipped but counted, and a line
/// longer than ``Bounds/documentBytes`` (its `\r\n` not counted) is a problem. It costs less per
/// line than splitting the buffer (`Data.split`) and reading each part with ``Invoice/init(json:hostChannels:)``,
/// and it holds one invoice at a time.
///
/// ```swift
/// for (line, result) in try InvoiceLines(contentsOf: url, hostChannels: cadence.hostChannels) {
///   switch result {
///   case .success(let invoice): store(invoice)
///   case .failure(let problem): log(problem.description)  // "line 3: amount: …"
///   }
/// }
/// ```
public struct InvoiceLines: Sequence, Sendable {
  /// A line's number (from 1, blank lines counted) and what it holds.
  public typealias Element = (line: Int, invoice: Result<Invoice, Portfolio.LineProblem>)

  private enum Storage: Sendable {
    case data(Data)
    case bytes([UInt8])
  }

  private let storage: Storage
  /// The host channels documents may name (``Cadence/hostChannels`` of the cadence they are for).
  public let hostChannels: Set<String>

  /// The lines of `data`.
  public init(_ data: Data, hostChannels: Set<String> = []) {
    storage = .data(data)
    self.hostChannels = hostChannels
  }

  /// The lines of `bytes`.
  public init(_ bytes: [UInt8], hostChannels: Set<String> = []) {
    storage = .bytes(bytes)
    self.hostChannels = hostChannels
  }

  /// The lines of the regular file at `url`, mapped into memory rather than read into it.
  ///
  /// A pipe, a FIFO or `/dev/stdin` cannot be mapped (Foundation refuses them, saying
  /// "permission"): stream those with ``Portfolio/stream(on:shard:read:write:problem:progress:render:renderAccount:)``.
  ///
  /// - Throws: The error of reading the file.
  public init(contentsOf url: URL, hostChannels: Set<String> = []) throws {
    self.init(try Data(contentsOf: url, options: .alwaysMapped), hostChannels: hostChannels)
  }

  /// An iterator from the first line.
  public func makeIterator() -> Iterator { Iterator(lines: self) }

  /// Reads the lines one after the other.
  public struct Iterator: IteratorProtocol {
    private let lines: InvoiceLines
    private var position = 0
    private var number = 0

    fileprivate init(lines: InvoiceLines) { self.lines = lines }

    /// The next line that is not blank, `nil` after the last.
    public mutating func next() -> Element? {
      var position = self.position
      var number = self.number
      let hostChannels = lines.hostChannels
      let element = lines.withBytes { bytes -> Element? in
        while position < bytes.count {
          let end = JSONLines.newline(in: bytes, from: position) ?? bytes.count
          let line = JSONLines.content(in: bytes, from: position, to: end)
          position = end + 1
          number += 1
          switch JSONLines.read(line, number: number, hostChannels: hostChannels) {
          case .blank: continue
          case .invoice(let invoice): return (number, .success(invoice))
          case .account:
            let problem = InputError(
              path: "",
              message: "this line is an account document; `InvoiceLines` yields invoices: stream a portfolio of "
                + "accounts with `Portfolio.stream`")
            return (number, .failure(Portfolio.LineProblem(line: number, input: InvalidInput(problem))))
          case .problem(let problem): return (number, .failure(problem))
          }
        }
        return nil
      }
      self.position = position
      self.number = number
      return element
    }
  }

  private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch storage {
    case .data(let data): data.withUnsafeBytes { body($0.bindMemory(to: UInt8.self)) }
    case .bytes(let bytes): bytes.withUnsafeBufferPointer(body)
    }
  }
}
