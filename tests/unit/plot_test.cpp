// core/plot: matplotlib format strings, colours, colormaps, numpy.histogram bins, JSON.
#include "plot/figure.h"
#include <catch2/catch.hpp>

using namespace lmpy::plot;

TEST_CASE("format strings", "[plot]") {
    Fmt f = parse_fmt("r--o");
    CHECK(f.color == "#ff0000");
    CHECK(f.linestyle == "--");
    CHECK(f.marker == "o");
    Fmt g = parse_fmt("^");
    CHECK(g.has_marker);
    CHECK_FALSE(g.has_linestyle);
    CHECK(parse_fmt("C1:").color == "#ff7f0e");
    CHECK(parse_fmt("-.").linestyle == "-.");
    CHECK_THROWS_AS(parse_fmt("rq"), PlotError);
    CHECK_THROWS_AS(parse_fmt("rg"), PlotError);
}

TEST_CASE("colours", "[plot]") {
    CHECK(resolve_color("g") == "#008000");
    CHECK(resolve_color("tab:orange") == "#ff7f0e");
    CHECK(resolve_color("SteelBlue") == "steelblue");
    CHECK(resolve_color("#abc") == "#abc");
    CHECK(resolve_color("0.5") == "#808080");
    CHECK_THROWS_AS(resolve_color("notacolor"), PlotError);
    CHECK(colormap("viridis", 0) == "#440154");
    CHECK(colormap("viridis", 1) == "#fde725");
    CHECK(colormap("gray_r", 0) == "#ffffff");
    CHECK(known_colormap("Blues_r"));
    CHECK_FALSE(known_colormap("nope"));
}

TEST_CASE("histogram bins as numpy.histogram", "[plot]") {
    std::vector<double> counts, edges;
    histogram({1, 2, 2, 3, 3, 3}, 3, counts, edges);
    CHECK(counts == std::vector<double>{1, 2, 3});
    REQUIRE(edges.size() == 4);
    CHECK(edges[1] == Approx(1.6666666666666667));
    CHECK(edges[3] == 3);
    histogram({5, 5}, 2, counts, edges);
    CHECK(edges.front() == 4.5);
    CHECK(counts == std::vector<double>{0, 2});
    histogram_edges({0, 1, 2, 10}, {0, 1, 2}, counts);
    CHECK(counts == std::vector<double>{1, 2});
}

TEST_CASE("figure JSON", "[plot]") {
    Figure f;
    f.width = 10;
    f.height = 6;
    Axes a;
    a.title = "T \"q\"";
    a.ylim = std::make_pair(0.0, 100.0);
    Series s;
    s.x = {2018, 2019};
    s.y = {70, 75};
    s.color = a.next_line_color();
    a.series.push_back(s);
    f.axes.push_back(a);
    std::string j = to_json(f);
    CHECK(j.find("\"title\":\"T \\\"q\\\"\"") != std::string::npos);
    CHECK(j.find("\"ylim\":[0.0,100.0]") != std::string::npos);
    CHECK(j.find("\"x\":[2018.0,2019.0]") != std::string::npos);
    CHECK(j.find("\"color\":\"#1f77b4\"") != std::string::npos);
    CHECK(j.find("\"xlim\":null") != std::string::npos);
    auto lim = f.axes[0].auto_limits(true);
    CHECK(lim.first == Approx(2017.95));
}
