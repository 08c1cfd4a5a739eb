echo content > f
cat < f | cat
{ cat; } < f
