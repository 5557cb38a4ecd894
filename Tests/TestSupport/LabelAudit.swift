import Render

/// What a production editor checks on a laid-out chart, shared by the every-kind and the
/// preset tests: every category of a band axis has its own label (none thinned away), axes that
/// count tick on whole numbers only, and no two texts overlap.
public enum LabelAudit {
    public struct Findings {
        /// Every category label the layout placed, for checking against the PDF's text.
        public var categories: [String] = []
        /// One line per fault; empty when the chart passes.
        public var problems: [String] = []
    }

    public static func audit(_ figure: Figure, _ laidOut: LaidOutChart) -> Findings {
        var found = Findings()
        for (panel, boxes) in zip(figure.chart.panels, laidOut.boxes.panels) {
            if let band = panel.y.scale.band, panel.y.showsLabels {
                let labels = boxes.yTickLabels.map(\.text)
                if labels != band.categories { found.problems.append("y labels \(labels), categories \(band.categories)") }
                found.categories += band.categories
            }
            if let band = panel.x.scale.band, panel.x.showsLabels, !panel.x.thinnable {
                let labels = boxes.xTickLabels.map(\.text)
                if labels != band.categories { found.problems.append("x labels \(labels), categories \(band.categories)") }
                found.categories += band.categories
            }
            for (axis, ticks) in [(panel.x, boxes.xTicks), (panel.y, boxes.yTicks)] where axis.wholeNumbers {
                if !ticks.allSatisfy({ $0.value == $0.value.rounded() }) {
                    found.problems.append("fractional ticks on a count axis: \(ticks.map(\.label))")
                }
            }
        }
        let runs = laidOut.scene.textRuns().map(\.run)
        for i in runs.indices {
            for j in runs.indices where j > i && runs[i].overlaps(runs[j]) {
                found.problems.append("'\(runs[i].text)' overlaps '\(runs[j].text)'")
            }
        }
        return found
    }
}
