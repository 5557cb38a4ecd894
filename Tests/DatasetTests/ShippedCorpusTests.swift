import Foundation
import Testing
@testable import Dataset
import TestSupport
import Support

@Suite struct ShippedCorpusTests {
    let corpus: Corpus
    let diagnostics: [Diagnostic]

    init() throws {
        let catalog = try Catalog.load(path: PackagePaths.catalog)
        (corpus, diagnostics) = Corpus.load(directory: PackagePaths.datasets, catalog: catalog)
    }

    @Test func validatesWithoutProblems() {
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test func rowCounts() {
        #expect(corpus.sources.count == 6)
        #expect(corpus.countries.count == 213)  // the SCO states and every country GTD names
        #expect(corpus.attacks.count == 30)
        #expect(corpus.exercises.count == 14)
        #expect(corpus.documents.count == 32)
        #expect(corpus.indicators.count == 25)
        #expect(corpus.membership.count == 31)
    }

    @Test func everyAttackOfThe2001To2011ListIsPresent() {
        let listed = corpus.attacks.filter { $0.provenance.quote.hasPrefix($0.date.month.map { PartialDate.monthNames[$0 - 1] } ?? "-") }
        // The paper's list runs April 2001 – July 2011 and names 25 attacks.
        #expect(listed.count == 25)
        #expect(listed.map(\.date.year).min() == 2001)
        #expect(listed.map(\.date.year).max() == 2011)
    }

    @Test func beslanSeptember2004ThreeHundredDead() throws {
        let beslan = try #require(corpus.attacks.first { $0.place == "Beslan" })
        #expect(beslan.date.description == "2004-09")
        #expect(beslan.country == "RUS")
        #expect(beslan.killed == Quantity(value: 300))
        #expect(!beslan.wounded.isKnown, "the source gives no wounded figure; it must stay unknown, not 0")
    }

    @Test func qualifiedFiguresKeepTheirQualifier() throws {
        let crimes = try #require(corpus.indicators.first { $0.indicator == "crimes-prevented" && $0.periodStart?.year == 2024 })
        #expect(crimes.quantity == Quantity(value: 1300, qualifier: .moreThan))
        let bangkok = try #require(corpus.attacks.first { $0.country == "THA" })
        #expect(bangkok.killed.qualifier == .moreThan)
    }

    @Test func exercisesIncludeTheListAndTheLaterOnes() throws {
        let names = Set(corpus.exercises.map(\.name))
        #expect(names.contains("Peace Mission-2005"))
        #expect(names.contains("Vostok Anti-terror-2006"))
        #expect(names.contains("Anti-terrorism Interaction-2024"))
        let peaceMission2005 = try #require(corpus.exercises.first { $0.name == "Peace Mission-2005" })
        #expect(peaceMission2005.hosts == ["RUS", "CHN"])
        #expect(peaceMission2005.start.description == "2005-08-18")
        #expect(peaceMission2005.end?.description == "2005-08-25")
    }

    @Test func membershipCountsMatchTheSources() {
        func counts(_ year: Int, _ month: Int, _ day: Int) -> [MembershipSpell.Status: Int] {
            var result: [MembershipSpell.Status: Int] = [:]
            for status in corpus.statuses(on: DayDate(year: year, month: month, day: day)).values { result[status, default: 0] += 1 }
            return result
        }
        // 004: "As of 31 December 2023, the SCO has nine member states, three observer states and 14 dialogue partners."
        let end2023 = counts(2023, 12, 31)
        #expect(end2023[.member] == 9)
        #expect(end2023[.observer] == 3)
        #expect(end2023[.dialoguePartner] == 14)
        // Founding: the six founders on 15 June 2001.
        #expect(counts(2001, 6, 15)[.member] == 6)
        // Belarus joined as the tenth member in July 2024.
        #expect(counts(2024, 12, 31)[.member] == 10)
    }

    @Test func documentConflictsNameBothSources() {
        let conflicting = corpus.documents.filter { $0.conflict != nil }
        #expect(!conflicting.isEmpty)
        for document in conflicting {
            #expect(document.conflict!.contains("003") && document.conflict!.contains("004"), "\(document.id): \(document.conflict!)")
        }
    }

    @Test func publicRecordRowsSayWhatTheyRestOn() {
        for source in corpus.sources where source.kind == "public-record" {
            #expect(source.seedFile == nil)
            #expect((source.notes ?? "").count > 40, "\(source.id) must name the facts it supports")
        }
    }

    @Test func quotesAreShort() {
        for table in corpus.tables.values {
            for row in table.rows {
                guard let quote = row.text("quote") else { continue }
                #expect(quote.split(separator: " ").count <= 30, "\(table.file):\(row.line) quote has \(quote.split(separator: " ").count) words")
            }
        }
    }

    @Test(.enabled(if: PackagePaths.seeds != nil, "../shared/seeds is absent (set SCOBRIEF_SEEDS to the source documents to run it)"))
    func everyQuoteIsFoundInItsSourceDocument() throws {
        let seeds = try #require(PackagePaths.seeds)
        let outcome = QuoteVerifier(seedsDirectory: seeds).verify(corpus)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.map(\.description).joined(separator: "\n"))")
        #expect(outcome.verified > 100)
    }
}

extension ShippedCorpusTests {
    @Test func countriesHaveNamesInThreeLanguages() throws {
        let russia = try #require(corpus.country(code: "RUS"))
        #expect(russia.nameEnglish == "Russia")
        #expect(russia.nameRussian == "Россия")
        #expect(russia.nameChinese == "俄罗斯")
        // Three letters, or four for a former state (ISO 3166-3 style: SUHH for the Soviet Union).
        #expect(corpus.countries.allSatisfy { $0.code.count == 3 || ($0.code.count == 4 && $0.isHistorical) })
    }
}
