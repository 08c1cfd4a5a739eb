echo abc | cat | cat | cat | cat | cat
