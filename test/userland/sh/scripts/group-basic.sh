{ echo a; echo b; }
{ x=1; }; echo $x
{ echo in; } > g.txt; cat g.txt
{ echo one; echo two; } | cat
