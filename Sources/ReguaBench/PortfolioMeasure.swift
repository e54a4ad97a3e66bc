import BenchmarkSupport
import Foundation
import Regua

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Measure (e): a portfolio. One million in-memory invoices through the batch API with 2
/// workers; the same invoices streamed as JSON Lines (read, evaluate, write) against
/// `JSONDecoder` + `JSONEncoder` alone reading them and writing the plans; and the peak memory
/// of the stream at two sizes, measured in child processes.
enum PortfolioMeasure {
  /// The day every invoice of the portfolio is planned on: mid-year, so the generated invoices
  /// (due through 2026) are in every phase of the cadence.
  static let date = CivilDate(year: 2026, month: 7, day: 1) ?? CivilDate(daysSinceEpoch: 20_635)

  struct Figures {
    var batchSecondsPerMillion: Double
    var streamRatio: Comparison
    var peakMemory: [Int: Int]
  }

  /// The portfolio: the generated cases' invoices, repeated to `count` (copies share storage,
  /// so a million of them fit in memory).
  static func invoices(_ cases: [EvaluationCase], count: Int) -> [Invoice] {
    (0..<count).map { cases[$0 % cases.count].invoice }
  }

  static func measure(_ cases: [EvaluationCase], evaluator: Evaluator, quick: Bool) throws -> Figures {
    let portfolio = Portfolio(evaluator, workers: 2)
    // (e1) the batch API, in memory.
    let count = quick ? 100_000 : 1_000_000
    let invoices = invoices(cases, count: count)
    var best = Double.infinity
    for _ in 0..<(quick ? 1 : 3) {
      let elapsed = Stopwatch.time { blackHole(portfolio.plans(for: invoices, on: date).count) }
      best = min(best, elapsed.nanoseconds / 1e9)
    }
    let batch = best * 1_000_000 / Double(count)

    // (e2) streaming against Foundation on the same lines.
    let lines = cases.map { $0.json }
    let streamCount = quick ? 20_000 : 100_000
    var oursBest = Double.infinity
    var written = 0
    for _ in 0..<(quick ? 1 : 3) {
      var next = 0
      written = 0
      let elapsed = Stopwatch.time {
        portfolio.stream(
          on: date, read: { PortfolioMeasure.chunk(lines, next: &next, until: streamCount) },
          write: { written += $0.count }, problem: { _ in })
      }
      oursBest = min(oursBest, elapsed.nanoseconds)
    }
    blackHole(written)
    let plain = cases.compactMap { (try? evaluator.plan(for: $0.invoice, on: date)).map(PlainPlan.init) }
    var theirsBest = Double.infinity
    for _ in 0..<(quick ? 1 : 3) {
      let elapsed = Stopwatch.time {
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = 0
        for index in 0..<streamCount {
          let line = lines[index % lines.count]
          blackHole(try? decoder.decode(PlainInvoice.self, from: line))
          bytes += (try? encoder.encode(plain[index % plain.count]))?.count ?? 0
        }
        blackHole(bytes)
      }
      theirsBest = min(theirsBest, elapsed.nanoseconds)
    }
    let streamRatio = Comparison(
      key: "stream_vs_foundation_json", ours: "Portfolio.stream, 2 workers: read, evaluate, write",
      theirs: "JSONDecoder of each line + JSONEncoder of each plan, no evaluation",
      oursTiming: Timing(nanosecondsPerOperation: oursBest / Double(streamCount), batch: streamCount, repetitions: 3),
      theirsTiming: Timing(
        nanosecondsPerOperation: theirsBest / Double(streamCount), batch: streamCount, repetitions: 3))

    // (e3) peak memory of a stream, each size in its own process.
    var peak: [Int: Int] = [:]
    for size in quick ? [20_000, 100_000] : [100_000, 1_000_000] {
      peak[size] = try probeChild(size)
    }
    return Figures(batchSecondsPerMillion: batch, streamRatio: streamRatio, peakMemory: peak)
  }

  /// The next chunk of a generated JSON Lines portfolio: about 1 MiB of lines, cycling through
  /// `lines`, until `until` lines have been handed out.
  static func chunk(_ lines: [Data], next: inout Int, until: Int) -> Data? {
    guard next < until else { return nil }
    var data = Data()
    data.reserveCapacity(1 << 20)
    while next < until, data.count < 1 << 20 {
      data.append(lines[next % lines.count])
      data.append(0x0A)
      next += 1
    }
    return data
  }

  /// Runs `regua-bench <flag> size` (`--stream-probe`, `--account-stream-probe`) and reads the
  /// peak resident bytes it prints.
  static func probeChild(_ size: Int, flag: String = "--stream-probe") throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    if !FileManager.default.fileExists(atPath: "/proc/self/exe") {
      process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    }
    process.arguments = [flag, String(size)]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard process.terminationStatus == 0, let bytes = Int(text) else {
      throw ProbeError(message: "\(flag) \(size) failed: \(text)")
    }
    return bytes
  }

  struct ProbeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// In the child: streams `count` generated invoices to nowhere and prints the peak resident
  /// memory (`ru_maxrss`) in bytes.
  static func probe(_ cases: [EvaluationCase], evaluator: Evaluator, count: Int) {
    let lines = cases.map { $0.json }
    var next = 0
    var written = 0
    Portfolio(evaluator, workers: 2).stream(
      on: date, read: { chunk(lines, next: &next, until: count) }, write: { written += $0.count }, problem: { _ in })
    blackHole(written)
    print(peakResidentBytes())
  }
}

/// The process's peak resident memory in bytes: `VmHWM` from `/proc/self/status` on Linux
/// (`ru_maxrss` survives `exec` there, so a child would report its parent's peak), `ru_maxrss`
/// elsewhere.
func peakResidentBytes() -> Int {
  if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
  {
    return kilobytes * 1024
  }
  var usage = rusage()
  #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
  #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)
  #endif
}

/// A plan as a plain `Codable` struct: what `JSONEncoder` is measured writing.
struct PlainPlan: Codable {
  struct Action: Codable {
    var action: String
    var args: [String]
    var channel: String?
    var id: String
    var late: Int
    var scheduled: String
    var step: String
  }

  struct Skip: Codable {
    var detail: String
    var reason: String
    var retry: String?
    var scheduled: String
    var step: String
  }

  var actions: [Action]
  var cadence: String
  var date: String
  var invoice: String
  var next: String?
  var skipped: [Skip]
  var version: Int?

  init(_ plan: ActionPlan) {
    actions = plan.actions.map {
      Action(
        action: $0.action.rawValue, args: $0.arguments, channel: $0.channel?.name, id: $0.id, late: $0.late,
        scheduled: $0.scheduled.description, step: $0.step)
    }
    cadence = plan.cadence
    date = plan.date.description
    invoice = plan.invoice
    next = plan.next?.description
    skipped = plan.skipped.map {
      Skip(
        detail: $0.detail, reason: $0.reason.rawValue, retry: $0.retry?.description,
        scheduled: $0.scheduled.description, step: $0.step)
    }
    version = plan.version
  }
}
