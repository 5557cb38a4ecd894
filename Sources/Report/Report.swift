import Dataset
import Analysis
import Render
