printf 'no newline' > f
read x < f; echo "status $? [$x]"
read y < /dev/null; echo "status $? [$y]"
