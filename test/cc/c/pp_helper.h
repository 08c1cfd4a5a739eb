#pragma once
#define HELPER_VALUE 42
static int helper_included = 1;
