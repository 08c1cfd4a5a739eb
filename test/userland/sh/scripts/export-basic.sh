x=1
sh -c 'echo "child [$x]"'
export x
sh -c 'echo "child [$x]"'
export y=2
sh -c 'echo "child [$y]"'
