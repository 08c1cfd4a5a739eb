x=5
if [ $x -gt 1 ] && [ $x -lt 10 ]; then echo in-range; fi
if [ $x -lt 1 ] || [ $x -gt 3 ]; then echo outside-or-big; fi
