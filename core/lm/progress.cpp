#include "lm/progress.h"
#include "lm/common.h"
#include "py/json_out.h"
#include <cmath>

namespace lmpy::lm {

Progress progress_chart(std::vector<double> years, std::vector<double> scores) {
    if (years.size() > 30) years.resize(30);
    if (scores.size() > 30) scores.resize(30);
    if (years.size() != scores.size()) // matplotlib's check in plt.plot(x, y)
        throw Error("x and y must have same first dimension, but have shapes (" +
                    std::to_string(years.size()) + ",) and (" + std::to_string(scores.size()) +
                    ",)");
    for (size_t i = 0; i < years.size(); ++i)
        if (std::isnan(years[i]) || std::isnan(scores[i]))
            throw Error("years and scores must be numbers");

    Progress p;
    // plt.figure(figsize=(10, 6))
    plot::Figure& f = p.figure;
    f.number = 1;
    f.width = 10;
    f.height = 6;
    f.axes.emplace_back();
    f.current = 0;
    plot::Axes& ax = f.axes[0];
    // plt.plot(years, performance, marker='o'): no format string, so a solid line
    plot::Series s;
    s.type = "line";
    s.x = years;
    s.y = scores;
    s.marker = "o";
    s.linestyle = "-";
    s.color = ax.next_line_color();
    ax.series.push_back(std::move(s));
    ax.title = "Simulated Language Model Performance Over Time";
    ax.xlabel = "Year";
    ax.ylabel = "Performance Score";
    ax.ylim = std::make_pair(0.0, 100.0);
    ax.grid = true;

    // Least squares on centred data (years near 2020 would cancel digits otherwise).
    size_t n = years.size();
    double mx = 0, my = 0;
    for (size_t i = 0; i < n; ++i) mx += years[i], my += scores[i];
    mx /= double(n), my /= double(n);
    double sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; ++i) {
        sxx += (years[i] - mx) * (years[i] - mx);
        sxy += (years[i] - mx) * (scores[i] - my);
    }
    p.slope = sxx > 0 ? sxy / sxx : NAN;
    p.intercept = sxx > 0 ? my - p.slope * mx : NAN;
    return p;
}

std::string progress_chart_json(const std::vector<double>& years,
                                const std::vector<double>& scores) {
    return guard_json([&] {
        Progress p = progress_chart(years, scores);
        json::Writer w;
        w.begin_object();
        w.key("figure").raw(plot::to_json(p.figure));
        w.key("trend").begin_object();
        w.key("slope").value(p.slope);
        w.key("intercept").value(p.intercept);
        w.end_object();
        w.end_object();
        return w.take();
    });
}

} // namespace lmpy::lm
