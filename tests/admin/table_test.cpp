// Plain-text tables: column widths from content, alignment, no trailing spaces, UTF-8 widths.
#include <string>

#include <gtest/gtest.h>

#include "galaxy/admin/table.hpp"

namespace galaxy::admin {
namespace {

TEST(AdminTable, ColumnsAreAsWideAsTheirWidestCellAndTwoSpacesApart) {
    Table table({"ID", "NAME", "SIZE"}, {Align::Right, Align::Left, Align::Right});
    table.add_row({"7", "Luna Gateway", "1.5 KiB"});
    table.add_row({"12", "ISS", "12 B"});
    EXPECT_EQ(table.render(),
              "ID  NAME             SIZE\n"
              " 7  Luna Gateway  1.5 KiB\n"
              "12  ISS              12 B\n");
    EXPECT_EQ(table.row_count(), 2u);
}

TEST(AdminTable, NoLineEndsInSpaces) {
    Table table({"ID", "LABEL"});
    table.add_row({"1", ""});
    table.add_row({"2", "nightly"});
    EXPECT_EQ(table.render(),
              "ID  LABEL\n"
              "1\n"
              "2   nightly\n");
}

TEST(AdminTable, MissingCellsAreEmptyAndExtraOnesDropped) {
    Table table({"A", "B"});
    table.add_row({"x"});
    table.add_row({"y", "z", "dropped"});
    EXPECT_EQ(table.render(),
              "A  B\n"
              "x\n"
              "y  z\n");
}

TEST(AdminTable, WidthsCountCodePointsNotBytes) {
    EXPECT_EQ(display_width("Gaspra"), 6u);
    EXPECT_EQ(display_width("Étoile"), 6u);  // É is two bytes
    Table table({"NAME", "X"});
    table.add_row({"Étoile", "1"});
    EXPECT_EQ(table.render(),
              "NAME    X\n"
              "Étoile  1\n");
}

TEST(AdminTable, KeyValueLinesAlignTheValuesAfterTheLongestKey) {
    EXPECT_EQ(render_key_values({{"tick", "1234"}, {"tick rate", "10 Hz"}, {"paused", "no"}}),
              "tick       1234\n"
              "tick rate  10 Hz\n"
              "paused     no\n");
}

}  // namespace
}  // namespace galaxy::admin
