echo hello | cat
printf 'b\na\nc\n' | cat | cat
echo x | { read y; echo "got $y"; }
