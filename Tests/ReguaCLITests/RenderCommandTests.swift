import Foundation
import Testing

@Suite("regua render", .serialized)
struct RenderCommandTests {
  @Test(
    "each format renders every bundled rule file, alone and with its sample invoice",
    arguments: ["svg", "mermaid", "html"])
  func formats(format: String) throws {
    let cases: [[String]] = [
      ["Rules/b2b-standard.regua"], ["Rules/consumer.regua"],
      ["Rules/b2b-standard.regua", "--invoice", "Rules/samples/b2b-invoice.json"],
      ["Rules/consumer.regua", "--invoice", "Rules/samples/consumer-invoice.json"],
    ]
    for arguments in cases {
      let result = try ReguaBinary.run(["render"] + arguments + ["--format", format])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(result.stderr.isEmpty)
      switch format {
      case "svg":
        #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(result.stdout.contains("class=\"due\""))
      case "mermaid":
        #expect(result.stdout.hasPrefix("timeline\n"))
      default:
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("<svg ") && result.stdout.contains("<table class=\"steps\">"))
      }
    }
  }

  @Test("--output writes the file instead of standard output")
  func output() throws {
    let path = try ReguaBinary.temporaryFile("timeline.html", "")
    let result = try ReguaBinary.run(["render", "Rules/consumer.regua", "--format", "html", "--output", path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("</html>\n"))
  }

  @Test("a missing or unknown format is a usage error that names the formats")
  func badFormat() throws {
    let missing = try ReguaBinary.run(["render", "Rules/consumer.regua"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("missing `--format`"))
    let unknown = try ReguaBinary.run(["render", "Rules/consumer.regua", "--format", "svgg"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("expected `svg`, `mermaid` or `html`; did you mean `svg`?"))
  }

  @Test("a broken rule file or invoice is reported as for the other commands, exit 1")
  func problems() throws {
    let rules = try ReguaBinary.temporaryFile("broken.regua", "cadence \"x\"\n  D+1 emial x\n")
    let broken = try ReguaBinary.run(["render", rules, "--format", "svg"])
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("unknown action `emial`"))
    let invoice = try ReguaBinary.temporaryFile("bad.json", "{}")
    let bad = try ReguaBinary.run(["render", "Rules/consumer.regua", "--invoice", invoice, "--format", "svg"])
    #expect(bad.status == 1)
    #expect(bad.stdout.isEmpty)
  }

  @Test("render is listed in the overview and has its own help")
  func help() throws {
    let overview = try ReguaBinary.run(["--help"])
    #expect(overview.stdout.contains("render FILE --format svg|mermaid|html"))
    let help = try ReguaBinary.run(["render", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("--format FORMAT"))
  }
}
