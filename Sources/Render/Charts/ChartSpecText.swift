extension ChartSpec {
    /// The title, subtitle, source and caption of whichever chart the spec holds.
    public var text: ChartText {
        get {
            switch content {
            case .bar(let c): return c.text
            case .line(let c): return c.text
            case .cumulative(let c): return c.text
            case .scatter(let c): return c.text
            case .timeline(let c): return c.text
            case .heatmap(let c): return c.text
            case .dumbbell(let c): return c.text
            case .smallMultiples(let c): return c.text
            }
        }
        set {
            switch content {
            case .bar(var c): c.text = newValue; content = .bar(c)
            case .line(var c): c.text = newValue; content = .line(c)
            case .cumulative(var c): c.text = newValue; content = .cumulative(c)
            case .scatter(var c): c.text = newValue; content = .scatter(c)
            case .timeline(var c): c.text = newValue; content = .timeline(c)
            case .heatmap(var c): c.text = newValue; content = .heatmap(c)
            case .dumbbell(var c): c.text = newValue; content = .dumbbell(c)
            case .smallMultiples(var c): c.text = newValue; content = .smallMultiples(c)
            }
        }
    }
}
