// The progress-chart explorer (slide 13): the figure slide 13's code draws, for any points,
// built as the plot module builds it (a plot::Figure written by plot::to_json, so the page
// renders it with the same code as a cell's figure), plus the least-squares trend line.
#pragma once
#include "plot/figure.h"
#include <string>
#include <vector>

namespace lmpy::lm {

struct Progress {
    plot::Figure figure;
    double slope = 0, intercept = 0; // NaN when the years have no spread (fewer than 2 values)
};
// years, scores: up to 30 points each (truncated); lengths must match as in plt.plot.
Progress progress_chart(std::vector<double> years, std::vector<double> scores);
// {"figure": <plot::to_json>, "trend": {"slope", "intercept"}} (null slope/intercept: no line)
std::string progress_chart_json(const std::vector<double>& years,
                                const std::vector<double>& scores);

} // namespace lmpy::lm
